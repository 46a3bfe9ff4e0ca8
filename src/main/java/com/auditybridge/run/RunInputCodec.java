package com.auditybridge.run;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Runs keep their input and result as JSON text; this is the one place that reads and writes it. */
@Singleton
public class RunInputCodec {
    private final JsonMapper json;

    public RunInputCodec(JsonMapper json) {
        this.json = json;
    }

    public RunInput read(String text) {
        try {
            return json.readValue(text, RunInput.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> readMap(String text) {
        if (text == null) {
            return new java.util.LinkedHashMap<>();
        }
        try {
            return json.readValue(text, java.util.Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
