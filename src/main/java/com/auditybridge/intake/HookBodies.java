package com.auditybridge.intake;

import com.auditybridge.audity.ProjectPatch;
import com.auditybridge.callback.EventTypes;
import com.auditybridge.connection.AuditPart;
import com.auditybridge.problem.ProblemException;
import com.auditybridge.run.RunInput;
import com.auditybridge.web.BodyRules;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The hook bodies (schemas/hooks/, docs/api.md), checked strictly: unknown fields and wrong types are refused. */
final class HookBodies {
    static final Set<String> EVENT_TYPES = EventTypes.ALL;
    private static final Set<String> COMMON = Set.of("callbackUrl", "metadata", "notify");

    private HookBodies() {}

    static RunInput leadArrived(Map<String, Object> body) {
        BodyRules rules = BodyRules.of(body).allowOnly(with("leadId", "project", "analysis", "include"));
        String leadId = rules.id("leadId", true);
        Map<String, Object> project = rules.object("project");
        ProjectPatch patch =
                project == null ? null : ProjectFieldRules.check(rules.nested("project", project), project);
        String analysis = rules.oneOf("analysis", Set.of("async", "none"));
        List<String> include = include(rules);
        if ("none".equals(analysis) && include != null && !include.isEmpty()) {
            rules.error("include", "INVALID_FIELD", "needs the analysis: a run with analysis \"none\" reads no part");
        }
        return finish(
                rules,
                new RunInput(
                        leadId,
                        null,
                        patch,
                        null,
                        analysis,
                        null,
                        null,
                        callbackUrl(rules),
                        metadata(rules),
                        notify(rules),
                        include));
    }

    static RunInput analysisRequested(Map<String, Object> body) {
        BodyRules rules = BodyRules.of(body).allowOnly(with("projectId", "include"));
        String projectId = uuid(rules, "projectId");
        List<String> include = include(rules);
        return finish(
                rules,
                new RunInput(
                        null,
                        projectId,
                        null,
                        null,
                        null,
                        null,
                        null,
                        callbackUrl(rules),
                        metadata(rules),
                        notify(rules),
                        include));
    }

    static RunInput projectUpdate(Map<String, Object> body) {
        BodyRules rules = BodyRules.of(body).allowOnly(with("projectId", "changes"));
        String projectId = uuid(rules, "projectId");
        Map<String, Object> changes = rules.object("changes");
        ProjectPatch patch = null;
        if (changes == null && body.get("changes") == null) {
            rules.error("changes", "EMPTY_PATCH", "is required: " + ProjectFieldRules.emptyPatchMessage());
        } else if (changes != null) {
            if (ProjectFieldRules.noneOf(changes)) {
                // Reported on "changes" itself and before its unknown fields, as Audity answers such a body.
                rules.error("changes", "EMPTY_PATCH", ProjectFieldRules.emptyPatchMessage());
            }
            patch = ProjectFieldRules.check(rules.nested("changes", changes), changes);
        }
        return finish(
                rules,
                new RunInput(
                        null,
                        projectId,
                        null,
                        patch,
                        null,
                        null,
                        null,
                        callbackUrl(rules),
                        metadata(rules),
                        notify(rules),
                        null));
    }

    static RunInput repoAuditRequested(Map<String, Object> body) {
        BodyRules rules = BodyRules.of(body).allowOnly(with("repoUrl", "publishConsent"));
        String repoUrl = rules.string("repoUrl", true, 1, 300, "INVALID_FIELD");
        String normalised = null;
        if (repoUrl != null) {
            normalised = RepoUrls.normalise(repoUrl).orElse(null);
            if (normalised == null) {
                rules.error(
                        "repoUrl",
                        "INVALID_REPO_URL",
                        "must be a public GitHub repository URL such as https://github.com/owner/repo");
            }
        }
        Boolean consent = rules.bool("publishConsent", true);
        if (Boolean.FALSE.equals(consent)) {
            rules.error("publishConsent", "PUBLISH_CONSENT_REQUIRED", "must be true: repo audits are public");
        }
        return finish(
                rules,
                new RunInput(
                        null,
                        null,
                        null,
                        null,
                        null,
                        normalised,
                        consent,
                        callbackUrl(rules),
                        metadata(rules),
                        notify(rules),
                        null));
    }

    static Set<String> with(String... fields) {
        java.util.HashSet<String> all = new java.util.HashSet<>(COMMON);
        all.addAll(Set.of(fields));
        return all;
    }

    static String uuid(BodyRules rules, String field) {
        String value = rules.string(field, true, 1, 64, "INVALID_FIELD");
        if (value != null
                && !value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            rules.error(field, "INVALID_UUID", "must be a UUID");
        }
        return value;
    }

    static String callbackUrl(BodyRules rules) {
        // A refused scheme is the 422 of CallbackTargets, as a private address is.
        return rules.absoluteUrl("callbackUrl", false);
    }

    static Map<String, Object> metadata(BodyRules rules) {
        return rules.object("metadata");
    }

    static List<String> notify(BodyRules rules) {
        return rules.stringsFrom("notify", EVENT_TYPES);
    }

    /** The parts of the finished audit to read: known parts, each once; null when the hook named none. */
    static List<String> include(BodyRules rules) {
        List<String> include = rules.stringsFrom("include", Set.copyOf(AuditPart.wireNames()));
        if (include != null && include.stream().distinct().count() < include.size()) {
            rules.error("include", "INVALID_FIELD", "must name each part once");
        }
        return include;
    }

    static RunInput finish(BodyRules rules, RunInput input) {
        if (rules.hasErrors()) {
            throw ProblemException.invalid(rules.firstCode(), rules.errors());
        }
        return input;
    }
}
