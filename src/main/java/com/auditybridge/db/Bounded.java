package com.auditybridge.db;

/**
 * Fits text from outside (an upstream's status, stage, error code or message; a receiver's answer) to the column
 * it is written to, so that a longer value than any documentation promised is kept cut rather than failing the
 * write, and with it the transaction it belongs to. The widths are those of the schema's migrations.
 */
public final class Bounded {
    /** {@code run.error_code}. */
    public static final int ERROR_CODE = 60;
    /** {@code run.error_message}, {@code run_event.detail}, {@code paid_call.evidence}, {@code delivery.last_error}. */
    public static final int TEXT = 2000;
    /** {@code run_event.step}, {@code run_event.outcome}. */
    public static final int TIMELINE_WORD = 40;
    /** {@code inbound_delivery.event}. */
    public static final int EVENT_NAME = 60;
    /** {@code run.project_id}, {@code run.job_id}, {@code run.analysis_id}, {@code run.audit_id}, {@code paid_call.result_id}. */
    public static final int UPSTREAM_ID = 64;
    /** {@code run.lead_id}, {@code lead_seen.lead_id}. */
    public static final int LEAD_ID = 200;
    /** {@code delivery_attempt.response}. */
    public static final int RESPONSE_EXCERPT = 1024;

    private Bounded() {}

    /** The start of {@code value} that fits {@code max} characters; a surrogate pair is never split. Null stays null. */
    public static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
