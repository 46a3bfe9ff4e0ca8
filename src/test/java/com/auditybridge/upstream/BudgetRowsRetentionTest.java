package com.auditybridge.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.retention.Retention;
import com.auditybridge.testing.BridgeTestBase;
import com.auditybridge.testing.PostgresOnly;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The budgets table stays bounded: retention deletes the buckets that have been full, unused, for a day (a token no
 * longer used, a limit changed), keeps the ones in use, and a deleted bucket used again starts full.
 */
@PostgresOnly
@MicronautTest(environments = "sim", transactional = false)
class BudgetRowsRetentionTest extends BridgeTestBase {
    private static final BucketShape WRITES = BucketShape.of(20, 2, Duration.ofMillis(500));
    private static final BudgetKey UNUSED = BudgetKey.upstream(CallClass.AUDITY_WRITE, "00000000000000aa", WRITES);
    private static final BudgetKey IN_USE = BudgetKey.upstream(CallClass.AUDITY_WRITE, "00000000000000bb", WRITES);

    @Inject
    Budgets budgets;

    @Inject
    Retention retention;

    @Test
    void aBudgetFullAndUnusedForADayIsDeletedByRetentionWhileOneInUseIsKept() {
        execute("delete from upstream_budget");
        assertThat(budgets.take(UNUSED)).isZero();
        assertThat(budgets.take(IN_USE)).isZero();
        clock.advance(Duration.ofHours(23));
        assertThat(budgets.take(IN_USE)).isZero();
        clock.advance(Duration.ofMinutes(61));

        assertThat(retention.runOnce()).containsEntry("upstream_budget", 1L);

        assertThat(budgetIds()).containsExactly(IN_USE.id());
        // Used again, the deleted bucket starts full: its burst of 2 at once, then a wait.
        assertThat(budgets.take(UNUSED)).isZero();
        assertThat(budgets.take(UNUSED)).isZero();
        assertThat(budgets.take(UNUSED)).isPositive();
        assertThat(budgetIds()).containsExactlyInAnyOrder(UNUSED.id(), IN_USE.id());
    }

    private List<String> budgetIds() {
        return connections.executeRead(status -> {
            List<String> ids = new ArrayList<>();
            try (var rs = status.getConnection()
                    .createStatement()
                    .executeQuery("select id from upstream_budget order by id")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return ids;
        });
    }
}
