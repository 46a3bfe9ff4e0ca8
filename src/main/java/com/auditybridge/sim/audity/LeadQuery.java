package com.auditybridge.sim.audity;

/** The list query with Audity's defaults filled in; limit is capped at 100 like the upstream's pages. */
record LeadQuery(String status, String sortBy, String sortOrder, int limit, int page) {

    LeadQuery(String status, String sortBy, String sortOrder, Integer limit, Integer page) {
        this(
                status == null ? "active" : status,
                sortBy == null ? "created_at" : sortBy,
                sortOrder == null ? "desc" : sortOrder,
                limit == null ? 20 : Math.min(limit, 100),
                page == null ? 1 : page);
    }

    /** {@code active} is pending, completed and converted: only archived leads drop out. */
    boolean matches(SimLead lead) {
        return switch (status) {
            case "active" -> lead.active();
            case "archived" -> !lead.active();
            default -> true;
        };
    }
}
