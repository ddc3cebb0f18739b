package io.github.camelbigin.zoho.bulk;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of the one CSV file in a zip stream, read one at a time as maps from the header's names to the cells (an
 * empty cell is null). Only the row being read is in memory. Closing closes the stream (and its connection).
 */
final class CsvRows implements Iterator<Map<String, Object>>, Closeable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private final InputStream source;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;

    CsvRows(InputStream zip) {
        this.source = zip;
        try {
            ZipInputStream in = new ZipInputStream(zip);
            if (in.getNextEntry() == null) {
                throw new IllegalStateException("the result holds no file");
            }
            this.parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException("the result is not a readable zip", e);
        }
        this.records = parser.iterator();
        this.header = parser.getHeaderNames();
    }

    List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord r = records.next();
        Map<String, Object> row = new LinkedHashMap<>(header.size() * 2);
        for (int i = 0; i < header.size(); i++) {
            String v = i < r.size() ? r.get(i) : null;
            row.put(header.get(i), v == null || v.isEmpty() ? null : v);
        }
        return row;
    }

    @Override
    public void close() throws IOException {
        try {
            parser.close();
        } finally {
            source.close();
        }
    }
}
