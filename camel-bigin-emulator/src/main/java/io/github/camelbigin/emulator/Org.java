package io.github.camelbigin.emulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The data of one emulated Bigin org: modules with their records, deleted records, and the user behind every write.
 * Reads run in parallel; writes hold the org's write lock, so every request sees a consistent org.
 */
final class Org {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    /** A stored record: the user's fields plus what Bigin keeps about it. */
    static final class StoredRecord {
        final long id;
        final Map<String, Object> data = new LinkedHashMap<>();
        /** The record's tags, by name, in the order they were added. */
        final List<String> tags = new ArrayList<>();
        final Instant created;
        Instant modified;
        long seq;
        /** The record's owner ({@code {name, id, email}}), or null: the org's user, who made it. */
        Map<String, Object> owner;

        StoredRecord(long id, Instant created) {
            this.id = id;
            this.created = created;
            this.modified = created;
        }

        /** A copy that shares nothing mutable with this one (subform rows included). */
        StoredRecord copy() {
            StoredRecord c = new StoredRecord(id, created);
            c.modified = modified;
            c.seq = seq;
            c.owner = owner;
            data.forEach((k, v) -> c.data.put(k, deepCopy(v)));
            c.tags.addAll(tags);
            return c;
        }

        @SuppressWarnings("unchecked")
        private static Object deepCopy(Object v) {
            if (v instanceof Map<?, ?> map) {
                Map<String, Object> out = new LinkedHashMap<>();
                ((Map<String, Object>) map).forEach((k, x) -> out.put(k, deepCopy(x)));
                return out;
            }
            if (v instanceof List<?> list) {
                List<Object> out = new ArrayList<>();
                list.forEach(x -> out.add(deepCopy(x)));
                return out;
            }
            return v;
        }

        ModKey modKey() {
            return new ModKey(modified.getEpochSecond(), seq);
        }
    }

    /** Orders records by Modified_Time, then by the order in which they were modified (ties within a second). */
    record ModKey(long epochSecond, long seq) implements Comparable<ModKey> {
        @Override
        public int compareTo(ModKey o) {
            int c = Long.compare(epochSecond, o.epochSecond);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /**
     * A deleted record as {@code GET /{module}/deleted} lists it: in the recycle bin (its record kept, so that it can
     * be restored) or deleted for good ({@code permanent}: its record gone).
     */
    record Deleted(long id, String displayName, Instant deletedAt, long seq, StoredRecord record, boolean permanent) {

        Deleted forGood() {
            return new Deleted(id, displayName, deletedAt, seq, null, true);
        }
    }

    /** How long Zoho CRM keeps a deleted record in the recycle bin. */
    static final java.time.Duration RECYCLE_BIN_DAYS = java.time.Duration.ofDays(60);

    /** One module's records, by id and by modification. */
    static final class ModuleData {
        final ModuleSpec spec;
        final NavigableMap<Long, StoredRecord> byId = new TreeMap<>();
        final NavigableMap<ModKey, StoredRecord> byModified = new TreeMap<>();
        final List<Deleted> deleted = new ArrayList<>();
        /** Bumped by every change of the records (under the write lock): ordered snapshots older than it are stale. */
        long version;
        private final Map<String, List<StoredRecord>> snapshots = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile long snapshotVersion = -1;

        ModuleData(ModuleSpec spec) {
            this.spec = spec;
        }

        /**
         * The records in a list order (id, Created_Time or Modified_Time; ties by id, or for Modified_Time by the order
         * of modification), kept until the next change, so that reading page after page of an unchanged module does not
         * walk every record before the page. Callers hold the read lock.
         */
        List<StoredRecord> ordered(String sortBy, boolean asc) {
            if (snapshotVersion != version) {
                snapshots.clear();
                snapshotVersion = version;
            }
            return snapshots.computeIfAbsent(sortBy + (asc ? " asc" : " desc"), k -> {
                List<StoredRecord> list;
                switch (sortBy) {
                    case "Modified_Time":
                        list = new ArrayList<>(byModified.values());
                        break;
                    case "Created_Time":
                        list = new ArrayList<>(byId.values());
                        list.sort(java.util.Comparator.comparing((StoredRecord r) -> r.created)
                                .thenComparingLong(r -> r.id));
                        break;
                    default:
                        list = new ArrayList<>(byId.values());
                }
                if (!asc) {
                    java.util.Collections.reverse(list);
                }
                return java.util.Collections.unmodifiableList(list);
            });
        }
    }

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final EmulatorClock clock;
    private volatile ZoneId zone;
    /**
     * Record ids grow across restarts as Zoho's do: they start from the wall clock (a thousand ids a millisecond), so
     * a consumer whose watermark outlived the emulator never sees an old id as new.
     */
    private final AtomicLong ids = new AtomicLong(7255024000000000000L + System.currentTimeMillis() * 1000);
    private final AtomicLong seq = new AtomicLong();
    private final Map<String, ModuleData> modules = new LinkedHashMap<>();
    final Map<String, Object> user;
    /** The org's users, the admin first: those a record can be owned by or assigned to. */
    private final List<Map<String, Object>> users = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Told of every record created, updated or deleted, under the write lock: it must only take note. */
    private volatile Consumer<Change> changes = c -> { };

    /** A record created ({@code insert}), updated or deleted, as a notification names it. */
    record Change(String module, String operation, String id, Set<String> fields) {

        /** A change that names no fields (an insert or a delete). */
        Change(String module, String operation, String id) {
            this(module, operation, id, Set.of());
        }
    }

    Org(EmulatorClock clock, ZoneId zone, List<ModuleSpec> modules) {
        this.clock = clock;
        this.zone = zone;
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("name", "Emulator Admin");
        u.put("id", "7255024000000100001");
        u.put("email", "admin@emulator.example");
        this.user = Map.copyOf(u);
        this.users.add(this.user);
        modules.forEach(this::define);
    }

    /** The org's users, the admin first. */
    List<Map<String, Object>> users() {
        return List.copyOf(users);
    }

    /** The user of this id ({@code {name, id, email}}), or null. */
    Map<String, Object> user(Object id) {
        return id == null ? null : users.stream().filter(u -> u.get("id").equals(id.toString())).findFirst()
                .orElse(null);
    }

    /** Adds a user (an active one, whom records can be given to); returns the id. */
    String addUser(String name, String email) {
        String id = String.valueOf(7255024000000100001L + users.size());
        users.add(Map.of("name", name, "id", id, "email", email));
        return id;
    }

    /** Every module's records and deletions, copied: what a composite call with rollback_on_fail goes back to. */
    record Snapshot(Map<String, List<StoredRecord>> records, Map<String, List<Deleted>> deleted) {
    }

    /** The org's records now (caller holds the write lock). */
    Snapshot snapshot() {
        Map<String, List<StoredRecord>> records = new LinkedHashMap<>();
        Map<String, List<Deleted>> deleted = new LinkedHashMap<>();
        for (ModuleData m : modules.values()) {
            records.put(m.spec.apiName(), m.byId.values().stream().map(StoredRecord::copy).toList());
            deleted.put(m.spec.apiName(), List.copyOf(m.deleted));
        }
        return new Snapshot(records, deleted);
    }

    /** Puts the org's records back as a snapshot held them (caller holds the write lock). */
    void restore(Snapshot snapshot) {
        for (ModuleData m : modules.values()) {
            m.byId.clear();
            m.byModified.clear();
            for (StoredRecord r : snapshot.records().getOrDefault(m.spec.apiName(), List.of())) {
                StoredRecord copy = r.copy();
                m.byId.put(copy.id, copy);
                m.byModified.put(copy.modKey(), copy);
            }
            m.deleted.clear();
            m.deleted.addAll(snapshot.deleted().getOrDefault(m.spec.apiName(), List.of()));
            m.version++;
        }
    }

    void onChange(Consumer<Change> listener) {
        this.changes = listener;
    }

    void zone(ZoneId zone) {
        this.zone = zone;
        this.lastFormatted = new Object[] {Long.MIN_VALUE, null};
    }

    ZoneId zone() {
        return zone;
    }

    void define(ModuleSpec spec) {
        lock.writeLock().lock();
        try {
            modules.put(spec.apiName(), new ModuleData(spec));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A module the emulator has, for a test's direct change or read; fails naming it when there is none. */
    ModuleData require(String name) {
        ModuleData m = module(name);
        if (m == null) {
            throw new IllegalArgumentException("The emulator has no module " + name);
        }
        return m;
    }

    ModuleData module(String name) {
        lock.readLock().lock();
        try {
            return modules.get(name);
        } finally {
            lock.readLock().unlock();
        }
    }

    Collection<ModuleData> modules() {
        lock.readLock().lock();
        try {
            return List.copyOf(modules.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    void clear() {
        lock.writeLock().lock();
        try {
            for (ModuleData m : modules.values()) {
                m.byId.clear();
                m.byModified.clear();
                m.version++;
                m.deleted.clear();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The last second formatted, and its text: the records of a page mostly share their seconds. */
    private volatile Object[] lastFormatted = {Long.MIN_VALUE, null};

    String format(Instant instant) {
        Object[] last = lastFormatted;
        if ((Long) last[0] == instant.getEpochSecond() && instant.getNano() == 0) {
            return (String) last[1];
        }
        String text = instant.atZone(zone).format(TIME);
        if (instant.getNano() == 0) {
            lastFormatted = new Object[] {instant.getEpochSecond(), text};
        }
        return text;
    }

    // ------------------------------------------------------------------ writes (caller holds the write lock)

    Map<String, Object> create(ModuleData m, Map<String, Object> input) {
        Map<String, Object> error = validate(m, input, true, null);
        if (error != null) {
            return error;
        }
        StoredRecord r = new StoredRecord(ids.getAndIncrement(), now());
        r.seq = seq.incrementAndGet();
        apply(m, r, input);
        m.byId.put(r.id, r);
        m.byModified.put(r.modKey(), r);
        m.version++;
        changes.accept(new Change(m.spec.apiName(), "insert", String.valueOf(r.id)));
        return success(m, r, "record added");
    }

    Map<String, Object> update(ModuleData m, Map<String, Object> input) {
        Object idValue = input.get("id");
        if (idValue == null || idValue.toString().isBlank()) {
            return error("MANDATORY_NOT_FOUND", "required field not found", "api_name", "id");
        }
        StoredRecord r = find(m, idValue.toString());
        if (r == null) {
            return error("INVALID_DATA", "the related id given seems to be invalid", "id", idValue.toString());
        }
        Map<String, Object> error = validate(m, input, false, r);
        if (error != null) {
            return error;
        }
        m.byModified.remove(r.modKey());
        apply(m, r, input);
        Set<String> written = new LinkedHashSet<>(input.keySet());
        written.remove("id");
        touched(m, r, written);
        return success(m, r, "record updated");
    }

    /** A record changed in place (these fields, or its tags): it is modified now, and watchers hear of it. */
    void touched(ModuleData m, StoredRecord r, Set<String> fields) {
        m.byModified.remove(r.modKey());
        r.modified = now();
        r.seq = seq.incrementAndGet();
        m.byModified.put(r.modKey(), r);
        m.version++;
        changes.accept(new Change(m.spec.apiName(), "update", String.valueOf(r.id), Set.copyOf(fields)));
    }

    Map<String, Object> upsert(ModuleData m, Map<String, Object> input, List<String> duplicateCheckFields) {
        List<String> checks = duplicateCheckFields == null || duplicateCheckFields.isEmpty()
                ? m.spec.duplicateCheckFields() : duplicateCheckFields;
        for (String field : checks) {
            Object wanted = input.get(field);
            if (wanted == null || wanted.toString().isBlank()) {
                continue;
            }
            String w = wanted.toString().toLowerCase(Locale.ROOT);
            for (StoredRecord r : m.byId.values()) {
                Object have = r.data.get(field);
                if (have != null && have.toString().toLowerCase(Locale.ROOT).equals(w)) {
                    Map<String, Object> withId = new LinkedHashMap<>(input);
                    withId.put("id", String.valueOf(r.id));
                    Map<String, Object> result = update(m, withId);
                    if ("success".equals(result.get("status"))) {
                        result.put("action", "update");
                        result.put("duplicate_field", field);
                    }
                    return result;
                }
            }
        }
        Map<String, Object> result = create(m, input);
        if ("success".equals(result.get("status"))) {
            result.put("action", "insert");
            result.put("duplicate_field", null);
        }
        return result;
    }

    Map<String, Object> delete(ModuleData m, String id) {
        StoredRecord r = find(m, id);
        if (r == null) {
            return error("INVALID_DATA", "record not deleted", "id", id);
        }
        m.byId.remove(r.id);
        m.byModified.remove(r.modKey());
        m.version++;
        Object name = r.data.get(m.spec.displayField());
        m.deleted.add(new Deleted(r.id, name == null ? null : name.toString(), now(), seq.incrementAndGet(), r, false));
        changes.accept(new Change(m.spec.apiName(), "delete", String.valueOf(r.id)));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("code", "SUCCESS");
        result.put("details", new LinkedHashMap<>(Map.of("id", id)));
        result.put("message", "record deleted");
        result.put("status", "success");
        return result;
    }

    /**
     * The module's recycle bin now: what was deleted less than 60 days ago and not deleted for good (older entries are
     * deleted for good as Zoho does). Caller holds the write lock.
     */
    List<Deleted> recycleBin(ModuleData m) {
        Instant cutoff = clock.instant().minus(RECYCLE_BIN_DAYS);
        m.deleted.replaceAll(d -> !d.permanent() && d.deletedAt().isBefore(cutoff) ? d.forGood() : d);
        return m.deleted.stream().filter(d -> !d.permanent()).toList();
    }

    /** Puts a record in the recycle bin back, as it was (its times unchanged); null when the bin has no such record. */
    Map<String, Object> restore(ModuleData m, String id) {
        Deleted d = recycleBin(m).stream().filter(x -> String.valueOf(x.id()).equals(id)).findFirst().orElse(null);
        if (d == null) {
            return error("INVALID_DATA", "the given id seems to be invalid", "id", id);
        }
        m.deleted.remove(d);
        m.byId.put(d.record().id, d.record());
        m.byModified.put(d.record().modKey(), d.record());
        m.version++;
        return success(new LinkedHashMap<>(Map.of("id", id)), "record restored");
    }

    /** Deletes a record in the recycle bin for good: it stays in the deleted list, as permanent. */
    Map<String, Object> purge(ModuleData m, String id) {
        Deleted d = recycleBin(m).stream().filter(x -> String.valueOf(x.id()).equals(id)).findFirst().orElse(null);
        if (d == null) {
            return error("INVALID_DATA", "the given id seems to be invalid", "id", id);
        }
        m.deleted.set(m.deleted.indexOf(d), d.forGood());
        return success(new LinkedHashMap<>(Map.of("id", id)), "record deleted");
    }

    StoredRecord find(ModuleData m, String id) {
        try {
            return m.byId.get(Long.parseLong(id.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Map<String, Object> validate(ModuleData m, Map<String, Object> input, boolean creating,
                                         StoredRecord existing) {
        for (FieldSpec f : m.spec.fields().values()) {
            boolean given = input.containsKey(f.apiName());
            Object v = input.get(f.apiName());
            if (f.mandatory() && (creating || given) && (v == null || v.toString().isBlank())) {
                return error("MANDATORY_NOT_FOUND", "required field not found", "api_name", f.apiName());
            }
            if (!given || v == null || f.readOnly() || "Owner".equals(f.apiName())) {
                continue;
            }
            String type = f.dataType();
            if ("email".equals(type) && !(v instanceof String && EMAIL.matcher((String) v).matches())) {
                return error("INVALID_DATA", "invalid data", "api_name", f.apiName(), "expected_data_type", "email");
            }
            if ("boolean".equals(type) && !(v instanceof Boolean)) {
                return error("INVALID_DATA", "invalid data", "api_name", f.apiName(), "expected_data_type", "boolean");
            }
            if (("currency".equals(type) || "double".equals(type) || "integer".equals(type)) && !isNumber(v)) {
                return error("INVALID_DATA", "invalid data", "api_name", f.apiName(), "expected_data_type", type);
            }
            if (f.rows()) {
                Map<String, Object> problem = subformProblem(f, v, existing);
                if (problem != null) {
                    return problem;
                }
                continue;
            }
            if ("lookup".equals(type) && resolveLookup(f, v) == null) {
                return error("INVALID_DATA", "the related id given seems to be invalid", "api_name", f.apiName());
            }
            if (f.unique() && v instanceof String) {
                String w = ((String) v).toLowerCase(Locale.ROOT);
                for (StoredRecord r : m.byId.values()) {
                    Object have = r.data.get(f.apiName());
                    if (r != existing && have != null && have.toString().toLowerCase(Locale.ROOT).equals(w)) {
                        return error("DUPLICATE_DATA", "duplicate data", "api_name", f.apiName(), "id",
                                String.valueOf(r.id));
                    }
                }
            }
        }
        return null;
    }

    /**
     * Why a subform (or multi-select lookup) value cannot be written: not a list of rows, a row id the record has not,
     * or a new link to no record.
     */
    private Map<String, Object> subformProblem(FieldSpec f, Object v, StoredRecord existing) {
        if (!(v instanceof List<?> rows)) {
            return error("INVALID_DATA", "invalid data", "api_name", f.apiName(), "expected_data_type", "jsonarray");
        }
        Set<String> have = new LinkedHashSet<>();
        if (existing != null && existing.data.get(f.apiName()) instanceof List<?> current) {
            current.forEach(row -> have.add(String.valueOf(((Map<?, ?>) row).get("id"))));
        }
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> map)) {
                return error("INVALID_DATA", "invalid data", "api_name", f.apiName(), "expected_data_type",
                        "jsonobject");
            }
            if (map.get("id") != null && !have.contains(map.get("id").toString())) {
                return error("INVALID_DATA", "the id given seems to be invalid", "api_name", f.apiName(), "id",
                        map.get("id").toString());
            }
            // a new row of a multi-select lookup links one record of the connected module
            if (f.connectedField() != null && map.get("id") == null
                && (map.get(f.connectedField()) == null || resolveLookup(f, map.get(f.connectedField())) == null)) {
                return error("INVALID_DATA", "the related id given seems to be invalid", "api_name", f.apiName(),
                        "json_path", "$.data[0]." + f.apiName() + "." + f.connectedField());
            }
        }
        return null;
    }

    /**
     * A subform (or a multi-select lookup's links) after an update, as Zoho CRM writes a subform: the rows the update
     * sends — a row with an id changes that row, with {@code "_delete"} removes it, without an id is a new row — and
     * nothing else: an existing row the update does not name is gone. Zoho does not say whether a multi-select
     * lookup's links not sent stay; the emulator takes the harsher reading, the subform's.
     */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> subformRows(FieldSpec f, List<?> rows, Object before) {
        Map<String, Map<String, Object>> current = new LinkedHashMap<>();
        if (before instanceof List<?> list) {
            list.forEach(row -> current.put(String.valueOf(((Map<?, ?>) row).get("id")), (Map<String, Object>) row));
        }
        List<Map<String, Object>> after = new ArrayList<>();
        for (Object o : rows) {
            Map<String, Object> row = (Map<String, Object>) o;
            if (row.get("id") == null) {
                Map<String, Object> fresh = new LinkedHashMap<>();
                fresh.put("id", String.valueOf(ids.getAndIncrement()));
                fresh.putAll(row);
                if (f.connectedField() != null) { // the linking record shows the linked one as a lookup does
                    fresh.put(f.connectedField(), resolveLookup(f, row.get(f.connectedField())));
                }
                after.add(fresh);
            } else if (!row.containsKey("_delete")) {
                Map<String, Object> changed = new LinkedHashMap<>(current.get(row.get("id").toString()));
                changed.putAll(row);
                after.add(changed);
            }
        }
        return after;
    }

    private static boolean isNumber(Object v) {
        if (v instanceof Number) {
            return true;
        }
        try {
            new BigDecimal(v.toString());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The stored form of a lookup value ({@code {"name","id"}}), or null when it names no record. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> resolveLookup(FieldSpec f, Object v) {
        String id = null;
        String name = null;
        if (v instanceof Map) {
            Object i = ((Map<String, Object>) v).get("id");
            Object n = ((Map<String, Object>) v).get("name");
            id = i == null ? null : i.toString();
            name = n == null ? null : n.toString();
        } else {
            id = v.toString();
        }
        for (ModuleData target : modules.values()) {
            if (f.lookupModule() != null && !f.lookupModule().equals(target.spec.apiName())) {
                continue;
            }
            StoredRecord r = null;
            if (id != null) {
                r = find(target, id);
            } else if (name != null) {
                String display = target.spec.displayField();
                for (StoredRecord c : target.byId.values()) {
                    if (name.equalsIgnoreCase(Objects.toString(c.data.get(display), null))) {
                        r = c;
                        break;
                    }
                }
            }
            if (r != null) {
                Map<String, Object> ref = new LinkedHashMap<>();
                ref.put("name", r.data.get(target.spec.displayField()));
                ref.put("id", String.valueOf(r.id));
                return ref;
            }
        }
        return null;
    }

    private void apply(ModuleData m, StoredRecord r, Map<String, Object> input) {
        for (Map.Entry<String, Object> e : input.entrySet()) {
            FieldSpec f = m.spec.field(e.getKey());
            if (f == null || f.readOnly() || "Owner".equals(f.apiName())) {
                continue; // Bigin ignores unknown and system fields
            }
            Object v = e.getValue();
            if ("lookup".equals(f.dataType()) && v != null) {
                v = resolveLookup(f, v);
            }
            if (f.rows() && v instanceof List<?> rows) {
                v = subformRows(f, rows, r.data.get(f.apiName()));
            }
            r.data.put(f.apiName(), v);
        }
    }

    /** Modules whose writes answer an approval state in their details (recorded production answers). */
    private static final java.util.Set<String> APPROVAL_MODULES = java.util.Set.of("Accounts", "Products");

    private Map<String, Object> success(ModuleData m, StoredRecord r, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("Modified_Time", format(r.modified));
        details.put("Modified_By", Map.of("name", user.get("name"), "id", user.get("id")));
        details.put("Created_Time", format(r.created));
        details.put("id", String.valueOf(r.id));
        details.put("Created_By", Map.of("name", user.get("name"), "id", user.get("id")));
        if (APPROVAL_MODULES.contains(m.spec.apiName())) {
            details.put("$approval_state", "approved");
        }
        return success(details, message);
    }

    /** A per-item success as Zoho answers it: code SUCCESS, the details, the message. */
    static Map<String, Object> success(Map<String, Object> details, String message) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("code", "SUCCESS");
        result.put("details", details);
        result.put("message", message);
        result.put("status", "success");
        return result;
    }

    static Map<String, Object> error(String code, String message, Object... details) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("code", code);
        result.put("details", EmulatorError.details(details));
        result.put("message", message);
        result.put("status", "error");
        return result;
    }

    // ------------------------------------------------------------------ rendering (caller holds a lock)

    /** A record as the API shows it: id first, then the asked fields (all when {@code fields} is null). */
    Map<String, Object> render(ModuleData m, StoredRecord r, Collection<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", String.valueOf(r.id));
        if (fields == null) {
            for (FieldSpec f : m.spec.fields().values()) {
                put(out, r, f.apiName());
            }
            ProductionShapes.systemKeys(out, "7255024000000091055"); // a whole record also carries these
        } else {
            for (String f : fields) {
                if (!"id".equals(f)) {
                    put(out, r, f);
                }
            }
        }
        return out;
    }

    private void put(Map<String, Object> out, StoredRecord r, String field) {
        switch (field) {
            case "Owner":
                out.put("Owner", r.owner != null ? r.owner : user);
                break;
            case "Created_Time":
                out.put(field, format(r.created));
                break;
            case "Modified_Time":
                out.put(field, format(r.modified));
                break;
            case "Created_By":
            case "Modified_By":
                out.put(field, user); // reads show {name, id, email}; write details {name, id}
                break;
            case "Tag":
                out.put(field, r.tags.stream().map(name -> Map.of("name", name)).toList());
                break;
            case "Full_Name": {
                Object first = r.data.get("First_Name");
                Object last = r.data.get("Last_Name");
                out.put(field, first == null ? last : last == null ? first : first + " " + last);
                break;
            }
            default:
                out.put(field, r.data.get(field));
        }
    }

    /**
     * A record as criteria see it, without building it: fields are looked up when asked (search tests every record of
     * a module on every page).
     */
    Map<String, Object> view(ModuleData m, StoredRecord r) {
        return new java.util.AbstractMap<String, Object>() {
            @Override
            public Object get(Object key) {
                if ("id".equals(key)) {
                    return String.valueOf(r.id);
                }
                if (ModuleSpec.SYSTEM_FIELDS.contains(key) || "Tag".equals(key)) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    Org.this.put(one, r, (String) key);
                    return one.get(key);
                }
                return r.data.get(key);
            }

            @Override
            public boolean containsKey(Object key) {
                return get(key) != null;
            }

            @Override
            public java.util.Set<Map.Entry<String, Object>> entrySet() {
                return render(m, r, null).entrySet();
            }
        };
    }

    Map<String, Object> renderDeleted(Deleted d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("deleted_by", Map.of("name", user.get("name"), "id", user.get("id")));
        out.put("id", String.valueOf(d.id()));
        out.put("display_name", d.displayName());
        out.put("type", d.permanent() ? "permanent" : "recycle");
        out.put("created_by", Map.of("name", user.get("name"), "id", user.get("id")));
        out.put("deleted_time", format(d.deletedAt()));
        return out;
    }
}
