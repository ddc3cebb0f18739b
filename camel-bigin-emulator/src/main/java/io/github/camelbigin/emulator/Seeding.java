package io.github.camelbigin.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * What the emulated org holds before and beside a test's calls, as a Zoho user would change it in the UI: records
 * (made, changed and deleted with no API call counted), custom modules and views, and the credentials it accepts
 * (access tokens, OAuth clients, Maton keys and their connections), Zoho CRM's users and blueprints. Reset clears the
 * records and blueprints; modules, users and credentials stay.
 */
public final class Seeding {

    private final BiginEmulator emulator;
    private final Org org;

    Seeding(BiginEmulator emulator) {
        this.emulator = emulator;
        this.org = emulator.org();
    }

    /** Creates a record directly (no API call is counted); returns its id. Fails like the API would. */
    public String insert(String module, Map<String, Object> record) {
        Org.ModuleData m = org.require(module);
        org.lock.writeLock().lock();
        try {
            return idOf(org.create(m, record));
        } finally {
            org.lock.writeLock().unlock();
        }
    }

    /** Creates {@code count} records made by {@code generator} (given 0, 1, …); returns their ids. */
    public List<String> records(String module, int count, IntFunction<Map<String, Object>> generator) {
        Org.ModuleData m = org.require(module);
        List<String> ids = new ArrayList<>(count);
        org.lock.writeLock().lock();
        try {
            for (int i = 0; i < count; i++) {
                ids.add(idOf(org.create(m, generator.apply(i))));
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        return ids;
    }

    /** Creates {@code count} contacts named Contact0…, with emails contact0@example.com…; returns their ids. */
    public List<String> contacts(int count) {
        return records("Contacts", count, i -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("First_Name", "Contact");
            c.put("Last_Name", "Number" + i);
            c.put("Email", "contact" + i + "@example.com");
            c.put("Phone", String.format(Locale.ROOT, "+1-555-%07d", i));
            return c;
        });
    }

    /** Changes fields of a record directly; its Modified_Time becomes now. */
    public void update(String module, String id, Map<String, Object> fields) {
        Org.ModuleData m = org.require(module);
        Map<String, Object> input = new LinkedHashMap<>(fields);
        input.put("id", id);
        org.lock.writeLock().lock();
        try {
            idOf(org.update(m, input));
        } finally {
            org.lock.writeLock().unlock();
        }
    }

    /** Deletes a record directly (it moves to the recycle bin and shows in {@code /deleted}). */
    public void delete(String module, String id) {
        Org.ModuleData m = org.require(module);
        org.lock.writeLock().lock();
        try {
            idOf(org.delete(m, id));
        } finally {
            org.lock.writeLock().unlock();
        }
    }

    /** Adds a custom module. */
    public Seeding module(ModuleSpec module) {
        org.define(module);
        return this;
    }

    /** Adds a custom view: list calls with {@code cvid} return the records matching {@code criteria} (null: all). */
    public Seeding view(String module, String cvid, String criteria) {
        emulator.routes().defineView(module, cvid, criteria);
        return this;
    }

    /** Adds an active user to the org (records can be given to them); returns the user's id. */
    public String user(String name, String email) {
        return org.addUser(name, email);
    }

    /**
     * Zoho CRM: adds a transition to the module's blueprint on the picklist {@code field} — from one of its values to
     * another, needing {@code fieldsNeeded} — as an admin draws it in the UI. {@code transitionId} is a number, as
     * Zoho's are.
     */
    public Seeding blueprintTransition(String module, String field, String transitionId, String name, String from,
                                       String to, String... fieldsNeeded) {
        emulator.routes().crm().blueprints().define(module, field, new Blueprints.Transition(transitionId, name, from,
                to, List.of(fieldsNeeded)));
        return this;
    }

    /** Accepts a static access token with these scopes (none: all scopes). */
    public Seeding accessToken(String token, String... scopes) {
        emulator.oauth().addStaticToken(token, Set.of(scopes));
        return this;
    }

    /** Registers an OAuth client and one of its refresh tokens, with these scopes (none: all scopes). */
    public Seeding oauthClient(String clientId, String clientSecret, String refreshToken, String... scopes) {
        emulator.oauth().addClient(clientId, clientSecret, refreshToken, Set.of(scopes));
        return this;
    }

    /**
     * A Maton API key, with ACTIVE connections of these ids to this flavour's app (oldest first): the connection API
     * lists them and can delete them; without one the gateway answers 400 MISSING_CONNECTION, as Maton does.
     */
    public Seeding matonKey(String apiKey, String... connectionIds) {
        emulator.maton().addKey(apiKey);
        for (String id : connectionIds) {
            emulator.maton().addActive(apiKey, emulator.flavour().matonApp, id);
        }
        return this;
    }

    /** A person opened a Maton connection's URL: the connection is ACTIVE (false when there is none). */
    public boolean authorizeMatonConnection(String connectionId) {
        return emulator.maton().authorize(connectionId);
    }

    private String idOf(Map<String, Object> result) {
        if (!"success".equals(result.get("status"))) {
            throw new IllegalArgumentException(emulator.flavour().product + " would refuse this: " + result);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) result.get("details");
        return details.get("id").toString();
    }
}
