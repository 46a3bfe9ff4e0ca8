package com.auditybridge.sim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Which paid calls are held ({@code PUT /sim/admin/holds}): a held call passes its checks and then neither
 * commits nor answers until an admin releases it. Missing fields are false; a PUT replaces the whole object.
 *
 * @param convert Audity's {@code POST /api/lead-generation/leads/{id}/convert}
 * @param trigger Audity's {@code POST /api/agent/projects/{id}/audit-analysis/async}
 * @param submit  repo-audit's {@code POST /api/demo/audit}
 */
@Serdeable
public record HoldSettings(
        @Nullable Boolean convert,
        @Nullable Boolean trigger,
        @Nullable Boolean submit) {

    public HoldSettings {
        convert = Boolean.TRUE.equals(convert);
        trigger = Boolean.TRUE.equals(trigger);
        submit = Boolean.TRUE.equals(submit);
    }

    public static HoldSettings none() {
        return new HoldSettings(null, null, null);
    }

    public boolean holds(PaidCall kind) {
        return switch (kind) {
            case convert -> convert;
            case trigger -> trigger;
            case submit -> submit;
        };
    }
}
