package com.auditybridge.sim.repoaudit;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The upstream's server-side normalisation: trailing slash, {@code .git} suffix and host case do not matter. */
final class RepoUrls {
    private static final Pattern GITHUB =
            Pattern.compile("(?i:https)://(?i:github\\.com)/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\\.git)?/?");

    private RepoUrls() {}

    static Optional<String> normalise(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = GITHUB.matcher(url.trim());
        if (!m.matches() || m.group(2).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("https://github.com/" + m.group(1) + "/" + m.group(2));
    }

    /** The knowledge-graph id of a repository, e.g. {@code repo-owner-repo}. */
    static String entityId(String normalisedUrl) {
        String path = normalisedUrl.substring("https://github.com/".length());
        return "repo-" + path.toLowerCase(Locale.ROOT).replace('/', '-').replace('.', '-');
    }
}
