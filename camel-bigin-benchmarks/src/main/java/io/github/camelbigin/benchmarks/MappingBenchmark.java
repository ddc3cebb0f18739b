package io.github.camelbigin.benchmarks;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbigin.zoho.http.ZohoJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Per-record mapping cost: a Bigin page of 200 contacts from JSON to maps and to POJOs, and records to JSON. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MappingBenchmark {

    private static final ObjectMapper JSON = ZohoJson.MAPPER;

    private byte[] page;
    private List<Map<String, Object>> records;

    /** A Bigin contact as a POJO. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class Contact {
        @JsonProperty("id")
        public String id;
        @JsonProperty("First_Name")
        public String firstName;
        @JsonProperty("Last_Name")
        public String lastName;
        @JsonProperty("Email")
        public String email;
        @JsonProperty("Modified_Time")
        public OffsetDateTime modifiedTime;
    }

    @Setup
    public void setup() throws Exception {
        records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", String.valueOf(7255024000000596045L + i));
            r.put("First_Name", "Bench");
            r.put("Last_Name", "Person" + i);
            r.put("Email", "person" + i + "@example.com");
            r.put("Phone", "+1-555-0100");
            r.put("Owner", Map.of("name", "Emulator Admin", "id", "7255024000000100001"));
            r.put("Modified_Time", "2026-02-06T00:28:53-08:00");
            r.put("Created_Time", "2026-02-06T00:28:53-08:00");
            records.add(r);
        }
        page = JSON.writeValueAsBytes(Map.of("data", records, "info", Map.of("more_records", true, "per_page", 200)));
    }

    /** A page of Bigin's answer, its records as maps. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class MapPage {
        public List<Map<String, Object>> data;
        public Map<String, Object> info;
    }

    /** A page of Bigin's answer, its records as POJOs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class ContactPage {
        public List<Contact> data;
        public Map<String, Object> info;
    }

    /** A page of 200 records parsed into maps (what list and the consumer do). */
    @Benchmark
    public Object pageToMaps() throws Exception {
        return JSON.readValue(page, MapPage.class);
    }

    /** A page of 200 records parsed straight into POJOs. */
    @Benchmark
    public Object pageToPojos() throws Exception {
        return JSON.readValue(page, ContactPage.class);
    }

    /** 200 record maps converted to POJOs (outputClass). */
    @Benchmark
    public Object mapsToPojos() {
        List<Contact> out = new ArrayList<>(records.size());
        for (Map<String, Object> r : records) {
            out.add(JSON.convertValue(r, Contact.class));
        }
        return out;
    }

    /** 200 records written as a create body. */
    @Benchmark
    public Object mapsToJson() throws Exception {
        return JSON.writeValueAsBytes(Map.of("data", records));
    }
}
