package com.auditybridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.callback.TestReceiver;
import com.auditybridge.callback.TestReceiver.Answer;
import com.auditybridge.testing.FreePort;
import com.auditybridge.testing.TestDatabase;
import com.auditybridge.upstream.UpstreamGate;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator console in a real headless Chromium over the real service on its embedded simulator, with the real
 * scheduler and clock: runs execute as in production, only faster (short simulator jobs, a two-rung retry ladder).
 * Every page is driven through its own controls; waits are conditions with deadlines. Screenshots of the main pages go
 * to target/screenshots/ (docs/screenshots/update.sh copies them into the documentation).
 *
 * <p>Runs only in the browser profile: {@code ./mvnw -B -Pbrowser test} (Debian's chromium and chromium-driver).
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest implements TestPropertyProvider {
    private static final String API_KEY = "console-key";
    private static final String ADMIN_TOKEN = "console-admin-token";
    /** The bridge's token at the simulator (application-sim.yml). */
    private static final String BRIDGE_TOKEN = "aky_DemoSimulatorToken0123456789abcd";

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    private TestDatabase database;
    private Browser browser;
    private TestReceiver receiver;

    @Override
    public Map<String, String> getProperties() {
        database = TestDatabase.inMemory(getClass().getSimpleName());
        String port = Integer.toString(FreePort.find());
        Map<String, String> properties = new HashMap<>(database.properties());
        properties.putAll(Map.of(
                "micronaut.server.port", port,
                // Management endpoints on the same port: their default (8080) is shared with every build on the host.
                "endpoints.all.port", port,
                "bridge.api-keys", API_KEY,
                "bridge.admin-token", ADMIN_TOKEN,
                "bridge.allow-private-callbacks", "true",
                "bridge.scheduler.polling-interval", "200ms",
                "bridge.scheduler.shutdown-wait", "1s"));
        // A lead-to-audit run in a few seconds: the interview analysis at once, a job of one second, polled each
        // second.
        properties.putAll(Map.of(
                "sim.audity.convert-duration", "0s",
                // Credits for every conversion of the class, so that only the daily cap limits the lead sync.
                "sim.audity.credits", "1000000",
                "sim.audity.interview-analysis-delay", "0s",
                "sim.audity.job-pending", "0s",
                "sim.audity.job-processing", "1s",
                "bridge.flows.poll-initial", "1s"));
        properties.putAll(Map.of(
                // Two attempts a second apart, then dead.
                "bridge.callbacks.retry-ladder", "0s,1s",
                "bridge.callbacks.jitter", "0",
                "bridge.callbacks.timeout", "2s",
                "bridge.lead-sync.max-per-day", "2"));
        return properties;
    }

    /** A failed test leaves the page as it was: target/screenshots/failures/{test}.png. */
    @RegisterExtension
    final TestWatcher pageOfAFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            browser.screenshot("failures/" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeAll
    void startBrowser() {
        browser = new Browser("http://127.0.0.1:" + server.getPort());
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        database.close();
    }

    @BeforeEach
    void openReceiver() {
        receiver = new TestReceiver();
    }

    @AfterEach
    void pageRanNoRefusedOrFailingScript() {
        receiver.close();
        assertThat(browser.logSinceLastCall())
                .as("the browser's console: no Content-Security-Policy refusal, no uncaught error")
                .noneMatch(line -> line.contains("Content Security Policy")
                        || line.contains("Uncaught")
                        || line.contains("SyntaxError"));
    }

    @Test
    void anOperatorWatchesARunCompleteThenRedeliversItsDeadCallbackFromThePage() {
        receiver.answer(Answer.of(500), Answer.of(500));
        signIn();

        String lead = newLead("Northwind");
        String runId = leadArrived(lead, receiver.url("/crm"), "{\"crmId\":\"42\"}");
        browser.waitFor(60, "the run listed as completed", d -> "completed".equals(listedStatus(runId)));
        browser.screenshot("runs-list");

        browser.driver.findElement(By.cssSelector(".filter-box summary")).click();
        browser.driver.findElement(By.name("leadId")).sendKeys(lead);
        filterByStatus("failed");
        browser.waitFor(
                10,
                "no failed run of the lead",
                d -> "No run matches.".equals(browser.textOf(By.cssSelector("#runs-list .empty"))));
        filterByStatus("completed");
        browser.waitFor(10, "the lead's one completed run", d -> listedRuns().equals(List.of(runId)));
        assertThat(browser.driver.getCurrentUrl()).contains("leadId=" + lead).contains("status=completed");

        browser.driver.findElement(By.id("run-" + runId)).click();
        browser.waitFor(10, "the run page", d -> d.getCurrentUrl().endsWith("#/runs/" + runId));
        List<String> steps = browser.waitFor(10, "the whole timeline", d -> {
            List<String> shown = d.findElements(By.cssSelector("#timeline li .step")).stream()
                    .map(WebElement::getText)
                    .toList();
            return shown.containsAll(List.of("intake", "convert", "trigger", "poll")) ? shown : null;
        });
        assertThat(steps.get(0)).isEqualTo("intake");
        browser.waitFor(
                30,
                "the final callback dead after its two attempts",
                d -> deliveryStatus().equals("dead"));
        assertThat(attemptStatuses()).containsExactly("500", "500");
        assertThat(browser.textOf(By.cssSelector("#input-title + pre"))).contains("\"crmId\": \"42\"");
        browser.screenshot("run-page");

        String deliveryId = browser.driver
                .findElement(By.cssSelector(".delivery"))
                .getAttribute("id")
                .substring("delivery-".length());
        browser.driver.findElement(By.linkText("Deliveries")).click();
        WebElement redeliver = browser.element(10, By.id("redeliver-" + deliveryId));
        browser.screenshot("deliveries");
        redeliver.click();
        browser.waitFor(
                10,
                "the redelivery acknowledged",
                d -> String.valueOf(browser.textOf(By.cssSelector("[role=status].ok")))
                        .contains("Redelivery of audit.completed queued"));

        browser.open("#/runs/" + runId);
        browser.waitFor(30, "the callback delivered", d -> deliveryStatus().equals("delivered"));
        assertThat(attemptStatuses()).containsExactly("500", "500", "204");
        assertThat(receiver.received)
                .as("three attempts of one delivery, one webhook-id")
                .hasSize(3)
                .extracting(r -> r.header("webhook-id"))
                .containsOnly(deliveryId);
    }

    @Test
    void aHostilePayloadIsShownAsTextAndRunsNothing() {
        signIn();
        String hostile = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script><b>bold</b>";
        // A lead id the simulator does not know, made of markup: the run fails, and the list shows the id as text.
        String markupLead = "<i>lead-" + System.nanoTime() + "<i>";
        String runId = leadArrived(
                markupLead, null, "{\"note\":" + quoted(hostile) + ",\"<em>key</em>\":" + quoted(hostile) + "}");
        browser.waitFor(60, "the run listed as failed", d -> "failed".equals(listedStatus(runId)));
        assertThat(browser.textOf(By.xpath("//a[@id='run-" + runId + "']/ancestor::tr")))
                .contains(markupLead);

        browser.driver.findElement(By.id("run-" + runId)).click();
        String input =
                browser.waitFor(10, "the run's input", d -> browser.textOf(By.cssSelector("#input-title + pre")));
        assertThat(input).contains(hostile.replace("\"", "\\\"")).contains("<em>key</em>");
        assertThat(browser.driver.findElements(By.cssSelector("main img, main script, main b, main em, main i")))
                .as("no element made from the payload")
                .isEmpty();
        assertThat(browser.script("return window.__pwned === undefined")).isEqualTo(true);

        // The retry's confirmation says what a retry repeats and what it never does; Escape keeps the run as it is.
        browser.element(10, By.id("retry-run")).click();
        WebElement dialog = browser.element(5, By.cssSelector("dialog[open]"));
        assertThat(dialog.getText())
                .contains("It resumes at the step that failed (convert)")
                .contains("a confirmed conversion is never repeated");
        browser.screenshot("retry-confirmation");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waitFor(
                5,
                "the dialog closed",
                d -> d.findElements(By.cssSelector("dialog")).isEmpty());
        assertThat(runStatus(runId)).isEqualTo("failed");

        browser.driver.findElement(By.id("retry-run")).click();
        browser.element(5, By.cssSelector("dialog[open] button.primary")).click();
        browser.waitFor(
                30,
                "the retry in the timeline",
                d -> d.findElements(By.cssSelector("#timeline li .step")).stream()
                        .anyMatch(step -> step.getText().equals("retry")));
    }

    @Test
    void theLiveViewShowsTheHoursRunsByStatusAndTheBudgetOfTheConnectionsToken() {
        signIn();
        String runId = leadArrived(newLead("Contoso"), null, "{}");
        browser.open("#/live");
        browser.waitFor(
                60, "the completed run counted", d -> runStatus(runId).equals("completed") && completedCount() >= 1);
        String fingerprint = UpstreamGate.fingerprint(BRIDGE_TOKEN);
        WebElement budgets = browser.waitFor(
                10,
                "the token's write budget",
                d -> String.valueOf(browser.textOf(By.id("live-budgets"))).contains("AUDITY_WRITE")
                        ? d.findElement(By.id("live-budgets"))
                        : null);
        assertThat(budgets.getText()).contains(fingerprint).doesNotContain(BRIDGE_TOKEN);
        assertThat(browser.driver.getPageSource()).doesNotContain(BRIDGE_TOKEN);
        assertThat(browser.driver.findElements(By.cssSelector("#live-chart .part.completed")))
                .isNotEmpty();
        browser.screenshot("live");
    }

    @Test
    void theLeadSyncDryRunShowsWhatWouldBeConvertedAndSpentThenRunsNow() {
        // Three fresh leads scoring above the rules' minimum: with a cap of two a day, one is left for the cap.
        List.of("Tailspin", "Litware", "Proseware").forEach(this::newLead);
        Object conversionsBefore = simCounter("conversions");
        signIn();
        browser.driver.findElement(By.linkText("Lead sync")).click();
        browser.element(10, By.id("dry-run")).click();
        WebElement report = browser.element(30, By.cssSelector("#dry-run-report dl"));
        List<String> leads = browser
                .driver
                .findElements(By.xpath("//caption[.='Leads it would convert']/ancestor::table//tbody//td[1]"))
                .stream()
                .map(WebElement::getText)
                .toList();
        assertThat(leads).as("bridge.lead-sync.max-per-day").hasSize(2);
        assertThat(browser.textOf(By.xpath("//caption[.='Leads it would leave']/ancestor::table")))
                .contains("daily cap of 2 conversions reached");
        assertThat(report.getText())
                .contains("Would convert\n" + leads.size())
                .contains("Credits it would spend\n" + String.format(Locale.US, "%,d", leads.size() * 1000L));
        assertThat(simCounter("conversions")).as("a dry run converts nothing").isEqualTo(conversionsBefore);
        browser.screenshot("lead-sync");

        browser.driver.findElement(By.id("run-now")).click();
        WebElement dialog = browser.element(5, By.cssSelector("dialog[open]"));
        assertThat(dialog.getText()).contains("would convert " + leads.size() + " lead(s)");
        dialog.findElement(By.cssSelector("button.primary")).click();
        browser.waitFor(
                10,
                "the sync started",
                d -> String.valueOf(browser.textOf(By.cssSelector("[role=status].ok")))
                        .contains("The sync is scheduled"));
        browser.waitFor(
                60,
                "a run for each lead the dry run showed",
                d -> leads.stream()
                        .allMatch(lead -> !((List<?>) object(call(HttpRequest.GET("/v1/runs?leadId=" + lead)
                                                .bearerAuth(API_KEY)))
                                        .get("runs"))
                                .isEmpty()));
    }

    @Test
    void theAdminCreatesRotatesAndDeletesAConnectionSeeingEachKeyOnce() {
        browser.open("#/sign-in");
        browser.script("sessionStorage.clear()");
        browser.driver.navigate().refresh();
        browser.element(10, By.id("admin-token")).sendKeys(ADMIN_TOKEN, Keys.ENTER);
        browser.waitFor(10, "the connections page", d -> d.getCurrentUrl().endsWith("#/connections"));

        browser.element(10, By.name("name")).sendKeys("Acme <b>CRM</b>");
        browser.driver.findElement(By.name("audityToken")).sendKeys("aky_AcmeToken00000000000000000000001", Keys.ENTER);
        List<String> shown = shownOnce();
        String key = shown.get(0);
        assertThat(key).startsWith("abk_");
        assertThat(shown.get(1)).startsWith("whsec_");
        assertThat(status(HttpRequest.GET("/v1/runs").bearerAuth(key))).isEqualTo(200);
        WebElement row = browser.element(10, By.xpath("//td[.='Acme <b>CRM</b>']/ancestor::tr"));
        assertThat(browser.driver.findElements(By.cssSelector("main table b"))).isEmpty();
        browser.screenshot("connections");

        row.findElement(By.xpath(".//button[.='Rotate key']")).click();
        browser.element(5, By.cssSelector("dialog[open] button.primary")).click();
        browser.waitFor(10, "a new key shown once", d -> !shownOnce().get(0).equals(key));
        String rotated = shownOnce().get(0);
        assertThat(status(HttpRequest.GET("/v1/runs").bearerAuth(key))).isEqualTo(401);
        assertThat(status(HttpRequest.GET("/v1/runs").bearerAuth(rotated))).isEqualTo(200);

        browser.element(10, By.xpath("//td[.='Acme <b>CRM</b>']/ancestor::tr//button[.='Delete']"))
                .click();
        browser.element(5, By.cssSelector("dialog[open] button.danger")).click();
        browser.waitFor(
                10,
                "the connection gone",
                d -> d.findElements(By.xpath("//td[.='Acme <b>CRM</b>']")).isEmpty());
        assertThat(status(HttpRequest.GET("/v1/runs").bearerAuth(rotated))).isEqualTo(401);
    }

    @Test
    void onAPhoneTheConsoleFitsTheScreenAndTheKeyboardAloneSignsInAndMoves() {
        browser.phone();
        try {
            browser.open("#/sign-in");
            browser.script("sessionStorage.clear()");
            browser.driver.navigate().refresh();
            browser.element(10, By.id("api-key"));
            // From the page's heading, the first Tab reaches the key; Enter signs in.
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(browser.driver.switchTo().activeElement().getAttribute("id"))
                    .isEqualTo("api-key");
            browser.driver.switchTo().activeElement().sendKeys(API_KEY, Keys.ENTER);
            browser.waitFor(10, "the runs page", d -> d.getCurrentUrl().endsWith("#/runs"));
            String runId = leadArrived(newLead("Fabrikam"), null, "{}");
            browser.waitFor(60, "the run listed as completed", d -> "completed".equals(listedStatus(runId)));
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("nothing wider than the phone's screen")
                    .isEqualTo(true);
            browser.screenshot("phone-runs");

            // Focus is visible on what the keyboard reaches, and Enter on a link opens it.
            WebElement link = browser.driver.findElement(By.id("run-" + runId));
            browser.script("arguments[0].focus()", link);
            link.sendKeys(Keys.SHIFT, Keys.TAB);
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement focused = browser.driver.switchTo().activeElement();
            assertThat(focused.getAttribute("id")).isEqualTo("run-" + runId);
            assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
            focused.sendKeys(Keys.ENTER);
            browser.waitFor(
                    10,
                    "the whole timeline",
                    d -> d.findElements(By.cssSelector("#timeline li .step")).size() >= 4);
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .isEqualTo(true);
            browser.screenshot("phone-run-page");
        } finally {
            browser.desktop();
        }
    }

    /** A fresh tab state, then the API key typed into the sign-in form; lands on the runs list. */
    private void signIn() {
        browser.open("#/sign-in");
        browser.script("sessionStorage.clear()");
        browser.driver.navigate().refresh();
        browser.element(10, By.id("api-key")).sendKeys(API_KEY, Keys.ENTER);
        browser.waitFor(
                10,
                "the runs list",
                d -> d.getCurrentUrl().endsWith("#/runs") && "Runs".equals(browser.textOf(By.cssSelector("main h1"))));
    }

    private void filterByStatus(String status) {
        new Select(browser.driver.findElement(By.name("status"))).selectByValue(status);
        browser.driver.findElement(By.xpath("//button[.='Apply filters']")).click();
    }

    /** The ids of the runs the list shows, in order. */
    private List<String> listedRuns() {
        return browser.driver.findElements(By.cssSelector("#runs-list a[id^='run-']")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The status badge of the run's row in the list, or null while the row is not shown. */
    private String listedStatus(String runId) {
        return browser.textOf(By.xpath("//a[@id='run-" + runId + "']/ancestor::tr//span[contains(@class,'badge')]"));
    }

    private String deliveryStatus() {
        return String.valueOf(browser.textOf(By.cssSelector(".delivery dd .badge")));
    }

    /** The Status column of the delivery's attempts, oldest first. */
    private List<String> attemptStatuses() {
        return browser.driver.findElements(By.cssSelector(".delivery tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private int completedCount() {
        String count = browser.textOf(By.cssSelector("#live-totals li[data-status=completed] .count"));
        return count == null ? 0 : Integer.parseInt(count);
    }

    /** The secrets of the "shown once" box, in order. */
    private List<String> shownOnce() {
        return browser.waitFor(10, "secrets shown once", d -> {
            List<String> codes = d.findElements(By.cssSelector(".shown-once code")).stream()
                    .map(WebElement::getText)
                    .toList();
            return codes.isEmpty() ? null : codes;
        });
    }

    private Object simCounter(String name) {
        return object(call(HttpRequest.GET("/sim/admin/counters").header("X-Sim-Admin-Token", "sim-admin")))
                .get(name);
    }

    /** A fresh unconverted lead of the bridge's simulator account: of today, scoring 80, its survey completed. */
    private String newLead(String company) {
        Map<String, Object> lead = object(
                call(HttpRequest.POST("/sim/admin/audity/leads", Map.of("token", BRIDGE_TOKEN, "companyName", company))
                        .header("X-Sim-Admin-Token", "sim-admin")));
        return (String) lead.get("id");
    }

    /** Starts a lead-to-audit run through the API; answers its id. */
    private String leadArrived(String leadId, String callbackUrl, String metadata) {
        String body = "{\"leadId\":" + quoted(leadId) + ",\"analysis\":\"async\",\"metadata\":" + metadata
                + (callbackUrl == null ? "" : ",\"callbackUrl\":" + quoted(callbackUrl)) + "}";
        HttpResponse<String> accepted = call(HttpRequest.POST("/v1/hooks/lead-arrived", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(API_KEY));
        assertThat(accepted.code()).as(accepted.body()).isEqualTo(202);
        return (String) object(accepted).get("runId");
    }

    private String runStatus(String runId) {
        return (String) object(call(HttpRequest.GET("/v1/runs/" + runId).bearerAuth(API_KEY)))
                .get("status");
    }

    private int status(MutableHttpRequest<?> request) {
        return call(request).code();
    }

    private HttpResponse<String> call(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.<String>status(e.getStatus())
                    .body(e.getResponse().getBody(String.class).orElse(""));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String quoted(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
