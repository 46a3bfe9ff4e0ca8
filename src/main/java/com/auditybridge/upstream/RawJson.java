package com.auditybridge.upstream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One JSON value exactly as an upstream answered it: its text, never read into the bridge's own types nor written
 * again. The bridge passes such a value on (a callback, the runs API) byte for byte: {@link #write} puts it into a
 * document the bridge writes without touching it. Made only from text that parsed as exactly one JSON value.
 */
public final class RawJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final String text;

    private RawJson(String text) {
        this.text = text;
    }

    /** The whole of {@code text}, when it is one JSON value and nothing else. */
    public static Optional<RawJson> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            parser.skipChildren();
            return parser.nextToken() == null ? Optional.of(new RawJson(text)) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /**
     * The value of the member {@code field} of the JSON object {@code text}, cut out of it as it stands (the wrapper
     * around it dropped, nothing inside it changed); empty when {@code text} is not such an object.
     */
    public static Optional<RawJson> member(String text, String field) {
        if (of(text).isEmpty()) {
            return Optional.empty();
        }
        return atMember(text, field, (parser, value) -> {
            int start = (int) parser.currentTokenLocation().getCharOffset();
            parser.skipChildren();
            int end = (int) parser.currentLocation().getCharOffset();
            return value == JsonToken.VALUE_NULL
                    ? Optional.empty()
                    : Optional.of(new RawJson(text.substring(start, end)));
        });
    }

    /** The text as the upstream sent it. */
    public String text() {
        return text;
    }

    /** Its size in UTF-8 bytes, as it travels. */
    public int bytes() {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The string value of the top-level member {@code field}, when this is an object that has one. */
    public Optional<String> string(String field) {
        return atMember(
                text,
                field,
                (parser, value) -> value == JsonToken.VALUE_STRING ? Optional.of(parser.getText()) : Optional.empty());
    }

    /** What {@code read} makes of the value of a top-level member, the parser on its first token. */
    private interface MemberReader<T> {
        Optional<T> read(JsonParser parser, JsonToken value) throws IOException;
    }

    /** Walks the top-level members of the object {@code text} to {@code field} and reads its value. */
    private static <T> Optional<T> atMember(String text, String field, MemberReader<T> read) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = field.equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (wanted) {
                    return read.read(parser, value);
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** The value as plain maps and lists, for an answer that shows it but need not keep its bytes. */
    public Object parsed(JsonMapper json) {
        try {
            return json.readValue(text, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code value} (maps, lists and plain values, as {@link JsonMapper} writes them) as JSON text, with every
     * {@link RawJson} inside it written exactly as it came. Each raw value stands in the tree as a string unique to
     * this call while the rest is written, then takes that string's place.
     */
    public static String write(JsonMapper json, Object value) {
        Map<String, RawJson> marks = new LinkedHashMap<>();
        Object marked = mark(value, marks);
        String written;
        try {
            written = json.writeValueAsString(marked);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (marks.isEmpty()) {
            return written;
        }
        TreeMap<Integer, String> places = new TreeMap<>();
        marks.keySet().forEach(mark -> places.put(written.indexOf('"' + mark + '"'), mark));
        StringBuilder out = new StringBuilder(written.length());
        int from = 0;
        for (Map.Entry<Integer, String> place : places.entrySet()) {
            out.append(written, from, place.getKey()).append(marks.get(place.getValue()).text);
            from = place.getKey() + place.getValue().length() + 2;
        }
        return out.append(written, from, written.length()).toString();
    }

    /** A copy of the tree with each raw value replaced by a mark of its own. */
    private static Object mark(Object value, Map<String, RawJson> marks) {
        if (value instanceof RawJson raw) {
            String mark = "raw-json:" + UUID.randomUUID();
            marks.put(mark, raw);
            return mark;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, mark(v, marks)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(mark(v, marks)));
            return copy;
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawJson raw && raw.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The size only: an upstream document may be large, and a log line is not the place for it. */
    @Override
    public String toString() {
        return "RawJson[" + text.length() + " characters]";
    }
}
