package com.auditybridge.testing;

import com.auditybridge.audity.AsyncJob;
import com.auditybridge.audity.AudityConfig;
import com.auditybridge.audity.HttpAudityApi;
import com.auditybridge.audity.LeadPage;
import com.auditybridge.audity.LeadQuery;
import com.auditybridge.upstream.Outcome;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The real Audity client (with {@code test.audity-api=scripted}), whose answers a test may reshape (a job status no
 * documentation promises, a lead id of any length) and during whose job polls a test may act, as if something
 * happened upstream while the answer was on its way. {@link #reset} puts everything back.
 */
@Singleton
@Replaces(HttpAudityApi.class)
@Requires(property = "test.audity-api", value = "scripted")
public class ScriptedAudityApi extends HttpAudityApi {
    /** Applied to every successful job answer. */
    public static final AtomicReference<UnaryOperator<AsyncJob>> JOBS = new AtomicReference<>(UnaryOperator.identity());
    /** Applied to every successful page of leads. */
    public static final AtomicReference<UnaryOperator<LeadPage>> LEADS =
            new AtomicReference<>(UnaryOperator.identity());
    /** Run once, after the next job poll got its answer and before the bridge reads it; then cleared. */
    public static final AtomicReference<Runnable> WHILE_NEXT_JOB_POLL = new AtomicReference<>();

    ScriptedAudityApi(AudityConfig config, JsonMapper json, Clock clock) {
        super(config, json, clock);
    }

    public static void reset() {
        JOBS.set(UnaryOperator.identity());
        LEADS.set(UnaryOperator.identity());
        WHILE_NEXT_JOB_POLL.set(null);
    }

    @Override
    public Outcome<AsyncJob> getJob(String token, String jobId) {
        Outcome<AsyncJob> answer = reshaped(super.getJob(token, jobId), JOBS.get());
        Runnable meanwhile = WHILE_NEXT_JOB_POLL.getAndSet(null);
        if (meanwhile != null) {
            meanwhile.run();
        }
        return answer;
    }

    @Override
    public Outcome<LeadPage> listLeads(String token, LeadQuery query) {
        return reshaped(super.listLeads(token, query), LEADS.get());
    }

    private static <T> Outcome<T> reshaped(Outcome<T> answer, UnaryOperator<T> change) {
        return answer instanceof Outcome.Success<T> success
                ? Outcome.success(success.status(), change.apply(success.body()))
                : answer;
    }
}
