package io.github.camelbigin.zoho.bulk;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Records from CSV text whose header row names the fields (e.g. {@code Last_Name,Email}), read one row at a time, for a
 * bulk write of a CSV file; empty cells are left out. The reader is closed at the end.
 */
public final class CsvRecords implements Iterator<Map<String, Object>> {

    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final List<String> header;

    public CsvRecords(Reader csv) {
        try {
            this.parser = CSVParser.parse(csv, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true).get());
        } catch (IOException e) {
            throw new UncheckedIOException("the CSV cannot be read", e);
        }
        this.rows = parser.iterator();
        this.header = parser.getHeaderNames();
        if (header.isEmpty()) {
            throw new IllegalArgumentException("the CSV has no header row naming the fields (e.g. Last_Name,Email)");
        }
    }

    @Override
    public boolean hasNext() {
        boolean more = rows.hasNext();
        if (!more) {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return more;
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord r = rows.next();
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            record.put(header.get(i), i < r.size() && !r.get(i).isEmpty() ? r.get(i) : null);
        }
        return record;
    }
}
