package com.auditybridge.connection;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code api_key} table: a key's SHA-256 in hex, never the key. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiKeyRows extends GenericRepository<ApiKeyRows.Row, String> {

    @MappedEntity("api_key")
    record Row(@Id String id, String connectionId, String keyHash, String prefix, Instant createdAt) {
        ApiKeyRow shown() {
            return new ApiKeyRow(id, connectionId, prefix, createdAt);
        }
    }

    Row save(Row row);

    Optional<Row> findByKeyHash(String keyHash);

    List<Row> findByConnectionIdOrderByCreatedAtAndId(String connectionId);

    int deleteByIdAndConnectionId(String id, String connectionId);
}
