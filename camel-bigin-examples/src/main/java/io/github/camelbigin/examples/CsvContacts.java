package io.github.camelbigin.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a CSV whose header row names Bigin fields (First_Name, Last_Name, Email, …) into records. */
public final class CsvContacts {

    private CsvContacts() {
    }

    public static List<Map<String, Object>> read(InputStream in) throws IOException {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                     .setIgnoreEmptyLines(true).get().parse(reader)) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (CSVRecord row : parser) {
                Map<String, Object> record = new LinkedHashMap<>();
                row.toMap().forEach((k, v) -> {
                    if (v != null && !v.isBlank()) {
                        record.put(k, v);
                    }
                });
                records.add(record);
            }
            return records;
        }
    }
}
