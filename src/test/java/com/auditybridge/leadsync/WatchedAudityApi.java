package com.auditybridge.leadsync;

import com.auditybridge.audity.AudityConfig;
import com.auditybridge.audity.Credits;
import com.auditybridge.audity.HttpAudityApi;
import com.auditybridge.upstream.Outcome;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The real Audity client, watched (with {@code test.audity-api=watched}): it can reshape the credits
 * answer, e.g. to only the fields Audity documents by name.
 */
@Singleton
@Replaces(HttpAudityApi.class)
@Requires(property = "test.audity-api", value = "watched")
class WatchedAudityApi extends HttpAudityApi {
    /** Applied to every successful credits answer; identity unless a test says otherwise. */
    static final AtomicReference<UnaryOperator<Credits>> CREDITS = new AtomicReference<>(UnaryOperator.identity());

    WatchedAudityApi(AudityConfig config, JsonMapper json, Clock clock) {
        super(config, json, clock);
    }

    static void reset() {
        CREDITS.set(UnaryOperator.identity());
    }

    @Override
    public Outcome<Credits> credits(String token) {
        Outcome<Credits> answer = super.credits(token);
        return answer instanceof Outcome.Success<Credits> success
                ? Outcome.success(success.status(), CREDITS.get().apply(success.body()))
                : answer;
    }
}
