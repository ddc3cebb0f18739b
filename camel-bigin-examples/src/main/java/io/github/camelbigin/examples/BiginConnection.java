package io.github.camelbigin.examples;

import java.util.Map;

import io.github.camelbigin.common.ZohoComponent;
import io.github.camelbigin.common.options.ZohoConfiguration;
import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.zoho.auth.DataCenter;

/**
 * Points the bigin (or zohocrm) component at the real product when credentials are in the environment, and at an
 * embedded emulator otherwise (for Zoho CRM the variables are named ZOHOCRM_… instead of BIGIN_…):
 * <ul>
 * <li>{@code BIGIN_CLIENT_ID}, {@code BIGIN_CLIENT_SECRET}, {@code BIGIN_REFRESH_TOKEN} (and optionally
 * {@code BIGIN_DATA_CENTER}: US, EU, IN, AU, JP, CA, CN, SA) — Zoho OAuth;</li>
 * <li>{@code BIGIN_ACCESS_TOKEN} — a Zoho access token;</li>
 * <li>{@code MATON_API_KEY} (and optionally {@code MATON_CONNECTION_ID}) — the Maton gateway.</li>
 * </ul>
 */
public final class BiginConnection implements AutoCloseable {

    private final BiginEmulator emulator;
    private final String description;

    private BiginConnection(BiginEmulator emulator, String description) {
        this.emulator = emulator;
        this.description = description;
    }

    /** Configures {@code component} from {@code env}; starts an emulator when env holds no credentials. */
    public static BiginConnection configure(ZohoComponent<?> component, Map<String, String> env) {
        return configure(component, env, Product.BIGIN);
    }

    /**
     * Configures {@code component} for {@code product} from {@code env} (its {@code BIGIN_…} or {@code ZOHOCRM_…}
     * variables); starts that product's emulator when env holds no credentials.
     */
    static BiginConnection configure(ZohoComponent<?> component, Map<String, String> env, Product product) {
        ZohoConfiguration c = component.getConfiguration();
        String p = product.envPrefix;
        if (has(env, p + "REFRESH_TOKEN")) {
            c.setClientId(env.get(p + "CLIENT_ID"));
            c.setClientSecret(env.get(p + "CLIENT_SECRET"));
            c.setRefreshToken(env.get(p + "REFRESH_TOKEN"));
            if (has(env, p + "DATA_CENTER")) {
                c.setDataCenter(DataCenter.parse(env.get(p + "DATA_CENTER")));
            }
            return new BiginConnection(null, "real " + product.name + " (Zoho OAuth, data center "
                                             + c.getDataCenter() + ")");
        }
        if (has(env, p + "ACCESS_TOKEN")) {
            c.setAccessToken(env.get(p + "ACCESS_TOKEN"));
            if (has(env, p + "DATA_CENTER")) {
                c.setDataCenter(DataCenter.parse(env.get(p + "DATA_CENTER")));
            }
            return new BiginConnection(null, "real " + product.name + " (Zoho access token, data center "
                                             + c.getDataCenter() + ")");
        }
        if (has(env, "MATON_API_KEY")) {
            c.setApiKey(env.get("MATON_API_KEY"));
            c.setConnectionId(env.get("MATON_CONNECTION_ID"));
            return new BiginConnection(null, "real " + product.name + " through the Maton gateway");
        }
        BiginEmulator emulator = product.newEmulator().start();
        c.setAccessToken(BiginEmulator.ACCESS_TOKEN);
        c.setApiUrl(emulator.apiUrl());
        return new BiginConnection(emulator, "the embedded " + product.name + " emulator at " + emulator.apiUrl()
                                             + " (no " + p + "CLIENT_ID/" + p + "CLIENT_SECRET/" + p
                                             + "REFRESH_TOKEN, " + p + "ACCESS_TOKEN or MATON_API_KEY set)");
    }

    private static boolean has(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }

    /** The emulator in use, or null against real Bigin. */
    public BiginEmulator emulator() {
        return emulator;
    }

    public boolean isEmulated() {
        return emulator != null;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.stop();
        }
    }
}
