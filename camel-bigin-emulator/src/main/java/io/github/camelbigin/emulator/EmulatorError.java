package io.github.camelbigin.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error answer in Bigin's shape: {@code {"code","details","message","status":"error"}}. */
final class EmulatorError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    final Map<String, Object> details;

    EmulatorError(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : details;
    }

    static EmulatorError badRequest(String code, String message, Object... detailPairs) {
        return new EmulatorError(400, code, message, details(detailPairs));
    }

    static Map<String, Object> details(Object... pairs) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            d.put(pairs[i].toString(), pairs[i + 1]);
        }
        return d;
    }

    Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("details", details);
        m.put("message", getMessage());
        m.put("status", "error");
        return m;
    }
}
