package com.auditybridge.sim.repoaudit;

import com.auditybridge.sim.Timestamps;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** The status answer of the published repo-audit API, every field present; results only once complete. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record AuditView(
        @JsonProperty("audit_id") String auditId,
        @JsonProperty("repo_url") String repoUrl,
        String status,
        String stage,
        List<Neighbor> neighbors,
        String markdown,
        String error,
        @JsonProperty("entity_id") String entityId,
        @JsonProperty("created_at") String createdAt) {

    @Serdeable
    record Neighbor(@JsonProperty("entity_id") String entityId, String title, double score) {}

    private static final List<String> KNOWN = List.of(
            "micronaut-projects-micronaut-core",
            "spring-projects-spring-boot",
            "quarkusio-quarkus",
            "resilience4j-resilience4j",
            "kagkarlsson-db-scheduler",
            "netty-netty",
            "reactor-reactor-core",
            "flyway-flyway",
            "h2database-h2database");

    static AuditView of(SimAudit audit, Instant now) {
        String status = audit.status(now);
        boolean complete = "complete".equals(status);
        String entityId = RepoUrls.entityId(audit.repoUrl());
        String name = audit.repoUrl().substring("https://github.com/".length());
        return new AuditView(
                audit.id(),
                audit.repoUrl(),
                status,
                audit.stage(now),
                complete ? neighbors(entityId) : List.of(),
                complete
                        ? "## Review of " + name + "\n\nA tidy codebase with clear module boundaries. "
                                + "Tests cover the main paths; error handling at the edges deserves a second look.\n"
                        : null,
                "failed".equals(status) ? "critique failed during " + audit.stage(now) : null,
                complete ? entityId : null,
                Timestamps.offset(audit.createdAt()));
    }

    /** Eight nearest neighbours from the index, never the repository itself. */
    private static List<Neighbor> neighbors(String self) {
        List<String> others = KNOWN.stream()
                .map(k -> "repo-" + k)
                .filter(k -> !k.equals(self))
                .limit(8)
                .toList();
        return IntStream.range(0, others.size())
                .mapToObj(i -> new Neighbor(others.get(i), others.get(i).substring(5), 0.91 - i * 0.04))
                .toList();
    }
}
