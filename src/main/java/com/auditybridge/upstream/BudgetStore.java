package com.auditybridge.upstream;

import io.github.bucket4j.Bucket;
import java.util.Set;

/**
 * Where the token buckets live: in this replica's memory (one replica, H2) or in the database all replicas share
 * (Postgres), so that a token's budget is one whatever the number of replicas.
 */
public interface BudgetStore {

    /** The bucket named {@code key}, made with {@code shape} when it does not exist yet. */
    Bucket bucket(String key, BucketShape shape);

    /** The keys of the buckets this store holds, for the operator's view. */
    Set<String> keys();

    /** {@code memory} or {@code database}. */
    String kind();
}
