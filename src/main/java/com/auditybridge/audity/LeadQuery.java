package com.auditybridge.audity;

/**
 * Query of the lead list. {@code status} is the list's own vocabulary (active, archived, all), not a
 * lead's surveyStatus; {@code sortBy} takes snake_case column names such as ai_readiness_score.
 */
public record LeadQuery(String status, String sortBy, String sortOrder, int limit, int page) {

    public static LeadQuery activeByScore(int limit) {
        return new LeadQuery("active", "ai_readiness_score", "desc", limit, 1);
    }
}
