package com.auditybridge.intake;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A public GitHub repository URL, normalised as the repo-audit API does (lowercase host, no trailing
 * slash, no {@code .git}), so the bridge refuses early what upstream would refuse and dedupes alike.
 */
final class RepoUrls {
    private static final Pattern OWNER_REPO =
            Pattern.compile("/([A-Za-z0-9-]{1,39})/([A-Za-z0-9._-]{1,100}?)(?:\\.git)?/?");

    private RepoUrls() {}

    static Optional<String> normalise(String url) {
        try {
            URI uri = new URI(url.trim());
            if (!"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null
                    || !uri.getHost().equalsIgnoreCase("github.com")
                    || uri.getQuery() != null
                    || uri.getFragment() != null
                    || uri.getUserInfo() != null
                    || uri.getPort() != -1) {
                return Optional.empty();
            }
            Matcher m = OWNER_REPO.matcher(uri.getPath());
            if (!m.matches()
                    || m.group(2).isEmpty()
                    || m.group(2).equals(".")
                    || m.group(2).equals("..")) {
                return Optional.empty();
            }
            return Optional.of("https://github.com/" + m.group(1) + "/" + m.group(2));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
