package com.auditybridge.web;

import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The gate every JSON body of the bridge passes (hooks, subscriptions, Audity's webhooks), on the bytes as they came:
 * sent as JSON (415); UTF-8, strictly (a byte that is not is never stored as U+FFFD); one JSON object and nothing
 * after it; no member given twice at any depth; no unpaired surrogate in any string. Anything else is a 400
 * MALFORMED_JSON, naming the member at fault when there is one.
 */
public final class JsonBodies {
    /** Jackson's own duplicate detection: a member given twice fails the token walk where it repeats. */
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final JsonFactory LENIENT = new JsonFactory();

    private JsonBodies() {}

    public static void requireJson(HttpRequest<?> request) {
        MediaType type = request.getContentType().orElse(null);
        if (type == null
                || !(type.getName().equals(MediaType.APPLICATION_JSON)
                        || type.getSubtype().endsWith("+json"))) {
            throw new ProblemException(Problem.of(
                    415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", "Send the body as application/json."));
        }
    }

    /** For a body already held as text: its UTF-8 bytes go through the same gate. */
    public static Map<String, Object> parseObject(JsonMapper json, String body) {
        return parseObject(json, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(JsonMapper json, byte[] body) {
        if (body == null || text(body).isBlank()) {
            throw malformed("The body is empty; a JSON object is expected.");
        }
        Object parsed;
        try {
            requireOneWellFormedValue(body);
            parsed = json.readValue(body, Object.class);
        } catch (DuplicateMember repeated) {
            throw malformed(
                    "The body gives " + repeated.path + " more than once; which one counts would be a guess.",
                    repeated.path,
                    "is given more than once");
        } catch (IOException | RuntimeException e) {
            throw malformed("The body is not valid JSON.");
        }
        if (!(parsed instanceof Map)) {
            throw malformed("The body must be a JSON object.");
        }
        return (Map<String, Object>) parsed;
    }

    /**
     * The body as text, decoded strictly: bytes that are not UTF-8 (a stray continuation byte, a Latin-1 é, an overlong
     * form, an encoded surrogate) are a 400 naming the member whose value holds them, or {@code body}.
     */
    public static String text(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw malformed(
                    "The body is not UTF-8 (byte " + at + "); JSON is sent as UTF-8.",
                    memberAt(body, at),
                    "holds bytes that are not UTF-8");
        }
        return out.flip().toString();
    }

    /** Walks the tokens: a second value after the first ("{}{}"), a member given twice, or a lone surrogate, is not a body we store. */
    private static void requireOneWellFormedValue(byte[] bytes) throws IOException {
        try (JsonParser parser = STRICT.createParser(bytes)) {
            int depth = 0;
            for (JsonToken token = next(parser); token != null; token = next(parser)) {
                if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                    requirePairedSurrogates(parser.getText());
                }
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                if (depth == 0 && next(parser) != null) {
                    throw new IOException("content after the JSON value");
                }
                if (depth == 0) {
                    return;
                }
            }
        }
    }

    private static JsonToken next(JsonParser parser) throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonParseException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                // The context already holds the repeated name as its current one.
                throw new DuplicateMember(path(parser.getParsingContext()));
            }
            throw e;
        }
    }

    /**
     * The member whose string value the byte at {@code offset} falls in, read from the valid bytes before it; when the
     * byte is outside any string value (in a name, between members), the object it is in, or {@code body} at the top.
     */
    private static String memberAt(byte[] bytes, int offset) {
        JsonStreamContext where = null;
        try (JsonParser parser = LENIENT.createParser(bytes, 0, offset)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                where = parser.getParsingContext();
                if (token == JsonToken.VALUE_STRING) {
                    try {
                        parser.getText();
                    } catch (IOException cutShort) {
                        String member = path(where);
                        return member.isEmpty() ? "body" : member;
                    }
                }
            }
        } catch (IOException | RuntimeException cutShort) {
            // The valid bytes end outside a string value.
        }
        String container = where == null ? "" : path(where.getParent());
        return container.isEmpty() ? "body" : container;
    }

    /** A parser context as a field path of the kind the rules name: {@code project.industry}, {@code notify[1]}. */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.addFirst((c.getParent() != null && !c.getParent().inRoot() ? "." : "") + c.getCurrentName());
            }
        }
        return String.join("", parts);
    }

    private static void requirePairedSurrogates(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IOException("unpaired surrogate");
            }
        }
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of(400, "MALFORMED_JSON", "Malformed JSON", detail));
    }

    private static ProblemException malformed(String detail, String field, String message) {
        return new ProblemException(Problem.of(400, "MALFORMED_JSON", "Malformed JSON", detail)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    /** A member given twice, at {@code path}. */
    private static final class DuplicateMember extends IOException {
        private final String path;

        DuplicateMember(String path) {
            super("duplicate member " + path);
            this.path = path;
        }
    }
}
