package com.auditybridge.run;

import com.auditybridge.audity.GatedAudity;
import com.auditybridge.connection.Connection;
import com.auditybridge.repoaudit.GatedRepoAudit;

/**
 * What a step may use while it calls: the connection's tokens, the run's input, the gated upstreams, and what
 * earlier steps kept in the run's result ({@link Transition#remember}).
 */
public record StepContext(
        Connection connection,
        RunInput input,
        GatedAudity audity,
        GatedRepoAudit repoAudit,
        java.util.Map<String, Object> kept) {}
