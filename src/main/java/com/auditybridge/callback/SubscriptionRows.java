package com.auditybridge.callback;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code subscription} table; the secret is stored sealed, the events as one comma-separated column. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SubscriptionRows extends GenericRepository<SubscriptionRows.Row, String> {

    @MappedEntity("subscription")
    record Row(@Id String id, String connectionId, String targetUrl, String events, String secret, Instant createdAt) {
        Subscription view() {
            return new Subscription(id, targetUrl, Arrays.asList(events.split(",")), createdAt);
        }
    }

    Row save(Row row);

    List<Row> findByConnectionIdOrderByCreatedAtAndId(String connectionId);

    Optional<Row> findByIdAndConnectionId(String id, String connectionId);

    int deleteByIdAndConnectionId(String id, String connectionId);
}
