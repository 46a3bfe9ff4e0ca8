package com.auditybridge.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the corpus kept under {@code src/test/resources/bad-input/}: JSON lines, one case a line, lines
 * starting with {@code //} are comments. A case's body is {@code body} (text as sent) or {@code json}
 * (any JSON value, sent compact); its headers default to a JSON hook call with the test key.
 */
public final class BadInputCorpus {
    static final String API_KEY = "test-key";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BadInputCorpus() {}

    /** Every case of the {@code .jsonl} files directly in {@code folder} (relative to bad-input/). */
    public static Stream<BadInputCase> cases(String folder) {
        try (Stream<Path> files = Files.list(root().resolve(folder))) {
            List<BadInputCase> all = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(".jsonl")).sorted().forEach(f -> all.addAll(read(f)));
            return all.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        try {
            return Path.of(BadInputCorpus.class.getResource("/bad-input").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<BadInputCase> read(Path file) {
        try {
            List<BadInputCase> cases = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("//")) {
                    cases.add(parse(file.getFileName().toString(), MAPPER.readTree(line)));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("in " + file, e);
        }
    }

    private static BadInputCase parse(String file, JsonNode node) throws IOException {
        List<BadInputCase.Request> before = new ArrayList<>();
        for (JsonNode step : node.path("before")) {
            before.add(request(step));
        }
        List<String> fields = new ArrayList<>();
        node.path("fields").forEach(f -> fields.add(f.asText()));
        return new BadInputCase(
                file,
                node.get("name").asText(),
                request(node),
                before,
                node.get("status").asInt(),
                node.path("code").asText(null),
                fields);
    }

    private static BadInputCase.Request request(JsonNode node) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "Bearer " + API_KEY);
        var named = node.path("headers").fields();
        while (named.hasNext()) {
            var header = named.next();
            if (header.getValue().isNull()) {
                headers.remove(header.getKey());
            } else {
                headers.put(header.getKey(), header.getValue().asText());
            }
        }
        String body = node.has("json")
                ? MAPPER.writeValueAsString(node.get("json"))
                : node.path("body").asText("");
        return new BadInputCase.Request(
                node.path("method").asText("POST"), node.get("path").asText(), headers, body);
    }
}
