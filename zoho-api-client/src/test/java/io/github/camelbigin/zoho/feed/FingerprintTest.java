package io.github.camelbigin.zoho.feed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fingerprints tell a record changed within the second it was delivered in; they are kept in saved watermarks. */
class FingerprintTest {

    private static Map<String, Object> record() {
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("name", "Patricia Boyle");
        owner.put("id", "4876876000000225001");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", "4876876000000624001");
        r.put("Last_Name", "Boyle");
        r.put("Owner", owner);
        r.put("Tag", new ArrayList<>(List.of(Map.of("name", "vip"), "x")));
        r.put("Email", null);
        r.put("Annual_Revenue", 12.5);
        r.put("Email_Opt_Out", false);
        r.put("Empty", new ArrayList<>(Arrays.asList()));
        r.put("Modified_Time", "2026-02-06T00:28:53-08:00");
        return r;
    }

    @Test
    void aFingerprintIsTheFnv1aHashOfTheRecordsTextAsTheJdkWritesIt() {
        Map<String, Object> r = record();
        long h = 0xcbf29ce484222325L;
        for (char c : r.toString().toCharArray()) {
            h ^= c;
            h *= 0x100000001b3L;
        }

        assertThat(Fingerprint.of(r)).isEqualTo(Long.toHexString(h));
    }

    @Test
    void aChangeInANestedValueChangesTheFingerprint() {
        Map<String, Object> changed = record();
        @SuppressWarnings("unchecked")
        Map<String, Object> owner = (Map<String, Object>) changed.get("Owner");
        owner.put("name", "Someone Else");

        assertThat(Fingerprint.of(changed)).isNotEqualTo(Fingerprint.of(record()));
    }
}
