package com.auditybridge.sim.audity;

import com.auditybridge.sim.Resettable;
import com.auditybridge.sim.SimulatorActivation;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audity's outbound webhooks, as far as the bridge reads them: {@code analysis_generated} once a job has completed, to
 * the URL its account was given ({@code PUT /sim/admin/audity/accounts}, {@code webhookUrl}), with the
 * {@code X-Audity-Event} and {@code X-Audity-Delivery} headers and the {@code {version, event, timestamp, data}} body
 * (schemas/hooks/audity-webhook.schema.json). A job's state is a function of the clock, so its completion is found by
 * looking: every {@code sim.audity.webhook-check}, or on request. Each job is announced once; a delivery that fails is
 * not sent again (the bridge's polls are the safety net for exactly that).
 */
@Singleton
@Requires(env = SimulatorActivation.ENVIRONMENT)
public class AudityWebhookSender implements Resettable {
    private static final Logger LOG = LoggerFactory.getLogger(AudityWebhookSender.class);

    private final AudityState state;
    private final JsonMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    AudityWebhookSender(AudityState state, JsonMapper json) {
        this.state = state;
        this.json = json;
    }

    @Scheduled(fixedDelay = "${sim.audity.webhook-check:1s}", initialDelay = "${sim.audity.webhook-check:1s}")
    void check() {
        sendDue();
    }

    /** Sends {@code analysis_generated} for every job completed by now whose account has a webhook URL, oldest first. */
    public synchronized int sendDue() {
        Instant now = state.clock.instant();
        List<SimJob> due = state.jobs.values().stream()
                .filter(job -> job.completedBy(now) && !announced.contains(job.id()))
                .sorted(Comparator.comparingLong(SimJob::sequence))
                .toList();
        int sent = 0;
        for (SimJob job : due) {
            Optional<String> url = state.accountByKey(job.accountKey()).map(account -> account.webhookUrl);
            if (url.isPresent() && announced.add(job.id())) {
                sent += send(url.get(), job, now) ? 1 : 0;
            }
        }
        return sent;
    }

    private boolean send(String url, SimJob job, Instant now) {
        Map<String, Object> body = Map.of(
                "version",
                "1",
                "event",
                "analysis_generated",
                "timestamp",
                now.toString(),
                "data",
                Map.of("projectId", job.projectId(), "analysisId", job.analysisId(), "jobId", job.id()));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Audity-Event", "analysis_generated")
                    .header("X-Audity-Delivery", "dlv_" + job.id())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                LOG.warn("analysis_generated of job {} answered {}", job.id(), status);
            }
            return status / 100 == 2;
        } catch (IOException e) {
            LOG.warn("analysis_generated of job {} not delivered: {}", job.id(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

    @Override
    public void reset() {
        announced.clear();
    }
}
