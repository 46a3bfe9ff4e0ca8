package com.auditybridge.upstream;

import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes, with a bucket's state, when the bucket is full again if left unused ({@code refilled_at}, epoch
 * milliseconds on the service clock that the bucket itself reads): from then on the row says nothing that a new bucket
 * would not, and retention may delete it. Bucket4j's own expiry column would count from the machine's clock instead.
 */
final class RefilledAt implements CustomColumnProvider<String> {
    static final String COLUMN = "refilled_at";

    @Override
    public void setCustomField(
            String key, int index, PreparedStatement statement, RemoteBucketState state, long nowNanos)
            throws SQLException {
        statement.setLong(index, (nowNanos + state.calculateFullRefillingTime(nowNanos)) / 1_000_000);
    }

    @Override
    public String getCustomFieldName() {
        return COLUMN;
    }
}
