package io.github.camelbigin.common.producer;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbigin.zoho.bulk.CsvRecords;
import io.github.camelbigin.zoho.http.ZohoJson;

/**
 * Turns what users put in a message body into records and ids: a Map, a POJO, a JSON object or array (String, bytes
 * or stream), or a Collection, array or Iterator of those. Anything else is refused with an error that names its type.
 */
final class RecordBodies {

    private static final ObjectMapper JSON = ZohoJson.MAPPER;
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private RecordBodies() {
    }

    /** The records in a body, in order. */
    static List<Map<String, Object>> records(Object body, String operation) {
        if (body == null) {
            throw new IllegalArgumentException("The body of a " + operation + " is empty: give a record (Map, POJO or"
                                               + " JSON object) or a List of records");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        if (isMany(body)) {
            Iterator<?> it = iterator(body);
            int i = 0;
            while (it.hasNext()) {
                out.add(record(it.next(), operation, i++));
            }
        } else if (isJson(body)) {
            JsonNode node = readJson(body, operation);
            if (node.isArray()) {
                int i = 0;
                for (JsonNode n : node) {
                    out.add(record(n, operation, i++));
                }
            } else {
                out.add(record(node, operation, 0));
            }
        } else {
            out.add(record(body, operation, 0));
        }
        return out;
    }

    /**
     * The records in a body, converted one at a time as they are consumed: an Iterator (or Iterable) stays lazy, so a
     * bulk write of a million records never holds them all. A CSV file, text or stream (one whose first character is
     * not a JSON bracket) is read row by row, its header naming the fields.
     */
    static Iterator<Map<String, Object>> lazyRecords(Object body, String operation) {
        if (body instanceof java.io.File file) {
            body = file.toPath();
        }
        try {
            if (body instanceof java.nio.file.Path path) {
                return new CsvRecords(java.nio.file.Files.newBufferedReader(path, java.nio.charset.StandardCharsets.UTF_8));
            }
            if (body instanceof CharSequence text && !isJson(text)) {
                return new CsvRecords(new java.io.StringReader(text.toString()));
            }
            if (body instanceof InputStream stream) {
                java.io.BufferedInputStream in = new java.io.BufferedInputStream(stream);
                in.mark(64);
                int c;
                do {
                    c = in.read();
                } while (c != -1 && Character.isWhitespace(c));
                in.reset();
                if (c != '{' && c != '[') {
                    return new CsvRecords(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                }
                body = in;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("The body of the " + operation + " cannot be read: " + e.getMessage(), e);
        }
        if (body != null && (body instanceof Iterator || body instanceof Iterable && !(body instanceof Collection)
                             && !(body instanceof JsonNode))) {
            Iterator<?> items = iterator(body);
            return new Iterator<>() {
                private int index;

                @Override
                public boolean hasNext() {
                    return items.hasNext();
                }

                @Override
                public Map<String, Object> next() {
                    return record(items.next(), operation, index++);
                }
            };
        }
        return records(body, operation).iterator();
    }

    /** Names from a body: a List of names, or a comma-separated String. */
    static Object names(Object body) {
        if (body instanceof java.util.Collection || body instanceof CharSequence) {
            return body;
        }
        throw new IllegalArgumentException("The body should hold tag names, as a List or a comma-separated String,"
                                           + " not a " + body.getClass().getName());
    }

    /** The record ids in a body: an id, a comma-separated String of ids, records with ids, or a collection of them. */
    static List<String> ids(Object body, String operation) {
        List<String> out = new ArrayList<>();
        if (body == null) {
            return out;
        }
        if (isMany(body)) {
            Iterator<?> it = iterator(body);
            while (it.hasNext()) {
                out.addAll(ids(it.next(), operation));
            }
            return out;
        }
        if (body instanceof Number) {
            out.add(body.toString());
            return out;
        }
        if (body instanceof CharSequence) {
            String s = body.toString().trim();
            if (s.startsWith("{") || s.startsWith("[")) {
                JsonNode node = readJson(s, operation);
                for (JsonNode n : node.isArray() ? node : List.of(node)) {
                    out.add(n.isValueNode() ? n.asText() : idOf(record(n, operation, out.size()), operation));
                }
                return out;
            }
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        out.add(idOf(record(body, operation, 0), operation));
        return out;
    }

    private static String idOf(Map<String, Object> record, String operation) {
        Object id = record.get("id");
        if (id == null) {
            throw new IllegalArgumentException("A record given to " + operation + " has no 'id': " + operation
                                               + " needs the Bigin record id of each record");
        }
        return id.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(Object item, String operation, int index) {
        if (item instanceof Map) {
            Map<String, Object> m = new LinkedHashMap<>();
            ((Map<Object, Object>) item).forEach((k, v) -> m.put(String.valueOf(k), v));
            return m;
        }
        if (item instanceof JsonNode) {
            JsonNode node = (JsonNode) item;
            if (!node.isObject()) {
                throw new IllegalArgumentException("Record #" + index + " of the " + operation + " is JSON " + node.getNodeType()
                                                   + ", not a JSON object");
            }
            return JSON.convertValue(node, MAP);
        }
        if (isJson(item)) {
            return record(readJson(item, operation), operation, index);
        }
        if (item == null || item instanceof Number || item instanceof Boolean || item instanceof Character
                || item instanceof CharSequence || item.getClass().isEnum()) {
            throw new IllegalArgumentException("Record #" + index + " of the " + operation + " is "
                                               + (item == null ? "null" : "a " + item.getClass().getName() + " ("
                                                                          + item + ")")
                                               + ": give a Map, a POJO or a JSON object");
        }
        try {
            return JSON.convertValue(item, MAP);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Record #" + index + " of the " + operation + " is a "
                                               + item.getClass().getName() + " that Jackson cannot turn into a record:"
                                               + " give a Map, a POJO with getters or a JSON object", e);
        }
    }

    private static boolean isMany(Object body) {
        return body instanceof Collection || body instanceof Iterator || body instanceof Iterable && !(body instanceof JsonNode)
               || body.getClass().isArray() && !(body instanceof byte[]);
    }

    private static Iterator<?> iterator(Object body) {
        if (body instanceof Iterator) {
            return (Iterator<?>) body;
        }
        if (body instanceof Iterable) {
            return ((Iterable<?>) body).iterator();
        }
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < Array.getLength(body); i++) {
            list.add(Array.get(body, i));
        }
        return list.iterator();
    }

    private static boolean isJson(Object body) {
        if (body instanceof byte[] || body instanceof InputStream) {
            return true;
        }
        if (body instanceof CharSequence) {
            String s = body.toString().strip();
            return s.startsWith("{") || s.startsWith("[");
        }
        return false;
    }

    private static JsonNode readJson(Object body, String operation) {
        try {
            JsonNode node;
            if (body instanceof byte[]) {
                node = JSON.readTree((byte[]) body);
            } else if (body instanceof InputStream) {
                node = JSON.readTree((InputStream) body);
            } else {
                node = JSON.readTree(body.toString());
            }
            if (node == null || !(node.isObject() || node.isArray())) {
                throw new IllegalArgumentException("The body of the " + operation + " is not a JSON object or array");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("The body of the " + operation + " is not valid JSON: "
                                               + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("The body of the " + operation + " cannot be read: " + e.getMessage(), e);
        }
    }
}
