package com.auditybridge.leadsync;

import com.auditybridge.audity.AudityConfig;
import com.auditybridge.audity.Credits;
import com.auditybridge.audity.HttpAudityApi;
import com.auditybridge.audity.LeadPage;
import com.auditybridge.audity.LeadQuery;
import com.auditybridge.upstream.Outcome;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The real Audity client, watched (with {@code test.audity-api=watched}): for each call the lead sync
 * makes it records whether the calling thread had a database transaction or connection open, and it
 * can reshape the credits answer, e.g. to only the fields Audity documents by name.
 */
@Singleton
@Replaces(HttpAudityApi.class)
@Requires(property = "test.audity-api", value = "watched")
class WatchedAudityApi extends HttpAudityApi {
    /** One upstream call of the sync, and what the calling thread held while it went out. */
    record Call(String endpoint, boolean inTransaction, boolean holdingConnection) {}

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    /** Applied to every successful credits answer; identity unless a test says otherwise. */
    static final AtomicReference<UnaryOperator<Credits>> CREDITS = new AtomicReference<>(UnaryOperator.identity());

    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;

    WatchedAudityApi(
            AudityConfig config,
            JsonMapper json,
            Clock clock,
            TransactionOperations<Connection> transactions,
            ConnectionOperations<Connection> connections) {
        super(config, json, clock);
        this.transactions = transactions;
        this.connections = connections;
    }

    static void reset() {
        CALLS.clear();
        CREDITS.set(UnaryOperator.identity());
    }

    @Override
    public Outcome<LeadPage> listLeads(String token, LeadQuery query) {
        record("list leads");
        return super.listLeads(token, query);
    }

    @Override
    public Outcome<Credits> credits(String token) {
        record("credits");
        Outcome<Credits> answer = super.credits(token);
        return answer instanceof Outcome.Success<Credits> success
                ? Outcome.success(success.status(), CREDITS.get().apply(success.body()))
                : answer;
    }

    private void record(String endpoint) {
        CALLS.add(new Call(
                endpoint,
                transactions.findTransactionStatus().isPresent(),
                connections.findConnectionStatus().isPresent()));
    }
}
