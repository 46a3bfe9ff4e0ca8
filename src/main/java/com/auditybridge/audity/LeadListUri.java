package com.auditybridge.audity;

import io.micronaut.http.uri.UriBuilder;

/** The lead-list URI; parameters left unset are left out, so the upstream's own defaults apply. */
final class LeadListUri {

    private LeadListUri() {}

    static String of(LeadQuery query) {
        UriBuilder uri = UriBuilder.of("/api/lead-generation/leads");
        param(uri, "status", query.status());
        param(uri, "sortBy", query.sortBy());
        param(uri, "sortOrder", query.sortOrder());
        param(uri, "limit", query.limit() > 0 ? query.limit() : null);
        param(uri, "page", query.page() > 0 ? query.page() : null);
        return uri.toString();
    }

    private static void param(UriBuilder uri, String name, Object value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }
}
