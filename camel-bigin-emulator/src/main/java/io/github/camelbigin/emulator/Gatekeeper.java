package io.github.camelbigin.emulator;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Who may call: a Zoho token with the scope the path needs, or a Maton key with an ACTIVE connection it may use. */
final class Gatekeeper {

    private final BiginEmulator emulator;

    Gatekeeper(BiginEmulator emulator) {
        this.emulator = emulator;
    }

    /** Null when the request carries a Zoho token with the scope its path needs, else the answer refusing it. */
    Answer zohoToken(RecordedRequest req) {
        String auth = req.header("Authorization");
        if (auth == null || auth.isBlank()) {
            return Answer.json(401, new EmulatorError(401, "AUTHENTICATION_FAILURE", "Authentication failed", null).body());
        }
        if (!auth.startsWith("Zoho-oauthtoken ")) {
            return invalidToken();
        }
        Set<String> scopes = emulator.oauth().scopes(auth.substring("Zoho-oauthtoken ".length()).trim(), emulator.clock().instant());
        if (scopes == null) {
            return invalidToken();
        }
        List<String> segments = Arrays.stream(req.apiPath().split("/")).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
        String missing = emulator.oauth().missingScope(scopes, req.method(), segments);
        if (missing != null) {
            return Answer.json(401, new EmulatorError(401, "OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL",
                    EmulatorError.details("required_scope", missing)).body());
        }
        return null;
    }

    private static Answer invalidToken() {
        return Answer.json(401, new EmulatorError(401, "INVALID_TOKEN", "invalid oauth token", null).body());
    }

    static Answer tooManyMatonRequests() {
        return Answer.json(429, new EmulatorError(429, "TOO_MANY_REQUESTS", "Maton allows 10 requests a second per"
                                                                             + " account", null).body()).credits(0);
    }

    /** Null when the request carries a Maton key with a connection it may use, else the answer refusing it. */
    Answer maton(RecordedRequest req) {
        String key = emulator.maton().key(req);
        if (key == null) {
            return Answer.json(401, new EmulatorError(401, "UNAUTHORIZED", "Invalid API key", null).body());
        }
        if (emulator.maton().overLimit(key)) {
            return tooManyMatonRequests();
        }
        List<String> connections = emulator.maton().active(key, emulator.flavour().matonApp);
        if (connections.isEmpty()) {
            return Answer.json(400, new EmulatorError(400, "MISSING_CONNECTION", "no active " + emulator.flavour().matonApp
                    + " connection for this API key: create one at https://ctrl.maton.ai/connections", null).body());
        }
        String chosen = req.header("Maton-Connection");
        if (chosen != null && !connections.contains(chosen)) {
            return Answer.json(400, new EmulatorError(400, "INVALID_CONNECTION", "no active " + emulator.flavour().matonApp
                    + " connection with this id", EmulatorError.details("connection_id", chosen)).body());
        }
        return null;
    }
}
