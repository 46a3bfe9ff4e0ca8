package com.auditybridge.run;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

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
    public Map<String, Object> readMap(String text) {
        if (text == null) {
            return new LinkedHashMap<>();
        }
        try {
            return json.readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run's stored result: its documented fields, and apart from them the steps' notes. */
    public RunResult readResult(String text) {
        Map<String, Object> stored = readMap(text);
        Object notes = stored.get(RunResult.NOTES);
        try {
            return RunResult.fromStored(
                    stored,
                    notes == null ? StepNotes.NONE : json.readValue(json.writeValueAsBytes(notes), StepNotes.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String writeResult(RunResult result) {
        return write(result.stored());
    }
}
