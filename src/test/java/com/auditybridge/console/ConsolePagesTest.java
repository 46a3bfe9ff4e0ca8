package com.auditybridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console's files as the service serves them: from the jar at /console/, each answer with a Content-Security-Policy
 * that runs only the console's own scripts, and scripts that never parse data as markup. The pages themselves are
 * driven in a browser by ConsoleBrowserTest (-Pbrowser).
 */
@MicronautTest(environments = "sim", transactional = false)
class ConsolePagesTest extends BridgeTestBase {
    private static final Path SOURCES = Path.of("src", "main", "resources", "console");

    /** A file as served, not parsed (the test base reads answers as JSON); 404s answer as they come. */
    private HttpResponse<String> file(String path) {
        try {
            return client.toBlocking().exchange(HttpRequest.GET(path), String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.<String>status(e.getStatus());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"/console", "/console/", "/console/console.css", "/console/js/console.js", "/console/js/runs.js"
            })
    void eachConsoleAnswerCarriesAPolicyThatRunsOnlyTheConsolesOwnScripts(String path) {
        HttpResponse<String> page = file(path);

        assertThat(page.code()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theModulesAreServedAsJavaScriptAndThePageLoadsNoInlineScriptOrStyle() {
        assertThat(file("/console/js/console.js").header("Content-Type")).startsWith("application/javascript");
        String html = file("/console/").body();

        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).contains("src=\"/console/js/console.js\"");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(count).isEqualTo(1);
        assertThat(html).doesNotContain("<style", "style=\"", "onload=", "onclick=");
    }

    @Test
    void noConsoleScriptTurnsTextIntoMarkup() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            scripts = files.filter(f -> f.toString().endsWith(".js")).toList();
        }
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(5);
        for (Path script : scripts) {
            assertThat(Files.readString(script))
                    .as(script.toString())
                    .doesNotContain(
                            "innerHTML",
                            "outerHTML",
                            "insertAdjacentHTML",
                            "document.write",
                            "eval(",
                            "new Function",
                            "createContextualFragment");
        }
    }

    @Test
    void anUnknownConsoleFileIsANotFound() {
        assertThat(file("/console/js/missing.js").code()).isEqualTo(404);
    }
}
