package com.auditybridge.run;

import java.time.Instant;

/**
 * A run as stored. Steps read it; only {@link RunStore} writes it. {@code version} grows with every change of
 * state: a step's transition applies only to the version the step read, so a revived execution never acts twice.
 * Made with {@link #builder()}, by name.
 *
 * @param input    the hook's body after validation, as JSON ({@link RunInputCodec#read})
 * @param result   the result and the steps' notes, as JSON ({@link RunInputCodec#readResult})
 * @param attempts the attempts the current step has spent on transient failures ({@link TransientFailures})
 */
public record Run(
        String id,
        String connectionId,
        Flow flow,
        RunStatus status,
        String step,
        String input,
        String callbackUrl,
        String leadId,
        String projectId,
        String jobId,
        String analysisId,
        String auditId,
        String result,
        RunError error,
        int attempts,
        Instant stepStartedAt,
        Instant waitDeadline,
        Instant nextAt,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        long version) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this run, to make a copy that differs where set. */
    public Builder toBuilder() {
        return builder()
                .id(id)
                .connectionId(connectionId)
                .flow(flow)
                .status(status)
                .step(step)
                .input(input)
                .callbackUrl(callbackUrl)
                .leadId(leadId)
                .projectId(projectId)
                .jobId(jobId)
                .analysisId(analysisId)
                .auditId(auditId)
                .result(result)
                .error(error)
                .attempts(attempts)
                .stepStartedAt(stepStartedAt)
                .waitDeadline(waitDeadline)
                .nextAt(nextAt)
                .createdAt(createdAt)
                .updatedAt(updatedAt)
                .finishedAt(finishedAt)
                .version(version);
    }

    public static final class Builder {
        private String id;
        private String connectionId;
        private Flow flow;
        private RunStatus status;
        private String step;
        private String input;
        private String callbackUrl;
        private String leadId;
        private String projectId;
        private String jobId;
        private String analysisId;
        private String auditId;
        private String result;
        private RunError error;
        private int attempts;
        private Instant stepStartedAt;
        private Instant waitDeadline;
        private Instant nextAt;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant finishedAt;
        private long version;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder connectionId(String connectionId) {
            this.connectionId = connectionId;
            return this;
        }

        public Builder flow(Flow flow) {
            this.flow = flow;
            return this;
        }

        public Builder status(RunStatus status) {
            this.status = status;
            return this;
        }

        public Builder step(String step) {
            this.step = step;
            return this;
        }

        public Builder input(String input) {
            this.input = input;
            return this;
        }

        public Builder callbackUrl(String callbackUrl) {
            this.callbackUrl = callbackUrl;
            return this;
        }

        public Builder leadId(String leadId) {
            this.leadId = leadId;
            return this;
        }

        public Builder projectId(String projectId) {
            this.projectId = projectId;
            return this;
        }

        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        public Builder analysisId(String analysisId) {
            this.analysisId = analysisId;
            return this;
        }

        public Builder auditId(String auditId) {
            this.auditId = auditId;
            return this;
        }

        public Builder result(String result) {
            this.result = result;
            return this;
        }

        public Builder error(RunError error) {
            this.error = error;
            return this;
        }

        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        public Builder stepStartedAt(Instant stepStartedAt) {
            this.stepStartedAt = stepStartedAt;
            return this;
        }

        public Builder waitDeadline(Instant waitDeadline) {
            this.waitDeadline = waitDeadline;
            return this;
        }

        public Builder nextAt(Instant nextAt) {
            this.nextAt = nextAt;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder finishedAt(Instant finishedAt) {
            this.finishedAt = finishedAt;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Run build() {
            return new Run(
                    id,
                    connectionId,
                    flow,
                    status,
                    step,
                    input,
                    callbackUrl,
                    leadId,
                    projectId,
                    jobId,
                    analysisId,
                    auditId,
                    result,
                    error,
                    attempts,
                    stepStartedAt,
                    waitDeadline,
                    nextAt,
                    createdAt,
                    updatedAt,
                    finishedAt,
                    version);
        }
    }
}
