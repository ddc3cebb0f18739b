package io.github.camelbigin.zoho.feed;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.Map;

/**
 * A fingerprint of a record's content: 64-bit FNV-1a over the characters of its text ({@code record.toString()} of the
 * JDK's maps and lists), hashed as it would be written without writing it. It notices a record changed again within
 * the second it was delivered in (Zoho's times have one-second precision).
 */
final class Fingerprint {

    private long hash = 0xcbf29ce484222325L;

    private Fingerprint() {
    }

    /** The fingerprint of a record, in hex. */
    static String of(Map<String, Object> record) {
        return Long.toHexString(new Fingerprint().value(record).hash);
    }

    private Fingerprint text(String s) {
        for (int i = 0; i < s.length(); i++) {
            hash ^= s.charAt(i);
            hash *= 0x100000001b3L;
        }
        return this;
    }

    private Fingerprint value(Object v) {
        if (v instanceof AbstractMap<?, ?> map) { // "{k=v, k=v}"
            text("{");
            boolean next = false;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                text(next ? ", " : "");
                next = true;
                value(e.getKey() == map ? "(this Map)" : e.getKey()).text("=");
                value(e.getValue() == map ? "(this Map)" : e.getValue());
            }
            return text("}");
        }
        if (v instanceof AbstractCollection<?> list) { // "[a, b]"
            text("[");
            boolean next = false;
            for (Object o : list) {
                text(next ? ", " : "");
                next = true;
                value(o == list ? "(this Collection)" : o);
            }
            return text("]");
        }
        return text(String.valueOf(v));
    }
}
