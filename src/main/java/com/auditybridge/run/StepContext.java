package com.auditybridge.run;

import com.auditybridge.audity.GatedAudity;
import com.auditybridge.connection.Connection;
import com.auditybridge.repoaudit.GatedRepoAudit;

/** What a step may use while it calls: the connection's tokens, the run's input, and the gated upstreams. */
public record StepContext(Connection connection, RunInput input, GatedAudity audity, GatedRepoAudit repoAudit) {}
