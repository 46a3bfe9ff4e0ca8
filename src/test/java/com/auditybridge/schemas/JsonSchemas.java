package com.auditybridge.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of {@code schemas/hooks} and {@code schemas/events}, loaded from the files users
 * get (their {@code $id}s mapped to the folder), with formats asserted ({@code uri}, {@code date-time}).
 */
public final class JsonSchemas {
    public static final Path ROOT = Path.of("schemas");
    private static final String ID_PREFIX = "https://auditybridge.dev/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(JsonSchemas::fileOf)
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build()));
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private JsonSchemas() {}

    /** The schema of a hook body: {@code lead-arrived}, {@code analysis-requested}, …, {@code audity-webhook}. */
    public static Schema hook(String name) {
        return load("hooks/" + name + ".schema.json");
    }

    /** The schema of an outbound event by its type, e.g. {@code audit.completed}. */
    public static Schema event(String type) {
        return load("events/" + type + ".schema.json");
    }

    /** The schema's violations by {@code json}, as readable lines; empty when it conforms. */
    public static List<String> violations(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    public static JsonNode tree(String relativePath) {
        try {
            return JSON.readTree(ROOT.resolve(relativePath).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the file an {@code $id} names, or null for any other IRI (the meta-schemas). */
    private static String fileOf(String iri) {
        if (!iri.startsWith(ID_PREFIX)) {
            return null;
        }
        try {
            return Files.readString(ROOT.resolve(iri.substring(ID_PREFIX.length())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load(String relativePath) {
        if (!Files.exists(ROOT.resolve(relativePath))) {
            throw new AssertionError("no schema file " + ROOT.resolve(relativePath));
        }
        return LOADED.computeIfAbsent(relativePath, path -> REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + path)));
    }
}
