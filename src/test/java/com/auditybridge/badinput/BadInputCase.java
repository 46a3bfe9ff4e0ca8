package com.auditybridge.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One case of the bad-input corpus: a request and the problem it must earn. Paths, bodies and header values may
 * hold {@code {{repeat N text}}}, written out as {@code text} N times (huge strings, deep nesting); a body may hold
 * {@code {{byte XX}}}, sent as the one raw byte 0xXX (bytes that are not UTF-8).
 *
 * @param before requests sent first, each of which must succeed (an Idempotency-Key to replay, say)
 * @param fields error fields the problem must name, when the case lists any
 */
public record BadInputCase(
        String file, String name, Request request, List<Request> before, int status, String code, List<String> fields) {
    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat (\\d+) (.+?)}}");
    private static final Pattern BYTE = Pattern.compile("\\{\\{byte ([0-9A-Fa-f]{2})}}");

    /** The request as sent; a header given as JSON null drops the default one. */
    public record Request(String method, String path, Map<String, String> headers, String body) {
        public byte[] bodyBytes() {
            String text = expand(body);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Matcher m = BYTE.matcher(text);
            int from = 0;
            while (m.find()) {
                out.writeBytes(text.substring(from, m.start()).getBytes(StandardCharsets.UTF_8));
                out.write(Integer.parseInt(m.group(1), 16));
                from = m.end();
            }
            out.writeBytes(text.substring(from).getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        public Map<String, String> expandedHeaders() {
            Map<String, String> out = new LinkedHashMap<>();
            headers.forEach((name, value) -> out.put(name, expand(value)));
            return out;
        }
    }

    static String expand(String text) {
        Matcher m = REPEAT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        }
        return m.appendTail(out).toString();
    }

    @Override
    public String toString() {
        return file + ": " + name;
    }
}
