package com.auditybridge.callback;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs bench/verify-standardwebhooks.cjs (the `standardwebhooks` npm package) when node and the package are there. */
final class NpmVerifier {
    static final Path MODULES = Path.of("target/npm/node_modules");

    private NpmVerifier() {}

    static boolean available() {
        return Files.isDirectory(MODULES.resolve("standardwebhooks"));
    }

    /** @return the script's JSON answer, e.g. [[true,false]] */
    static String verify(String inputJson) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder("node", "bench/verify-standardwebhooks.cjs").redirectErrorStream(true);
        builder.environment().put("NODE_PATH", MODULES.toAbsolutePath().toString());
        File input = Files.writeString(Files.createTempFile(Path.of("target"), "sw", ".json"), inputJson)
                .toFile();
        Process process = builder.redirectInput(input).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node did not answer");
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }
}
