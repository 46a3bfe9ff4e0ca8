package com.auditybridge.sim.audity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plausible audit analysis of several KB, written from the project's client and industry. The same project gives
 * the same document, member for member in the same order, however often it is read.
 */
final class AnalysisDocument {
    private AnalysisDocument() {}

    /** The project's client and industry, read under its lock. */
    record Subject(String client, String industry) {
        static Subject of(SimProject project) {
            synchronized (project) {
                return new Subject(project.clientName, project.industry.toLowerCase(Locale.ROOT));
            }
        }
    }

    static final List<Map<String, Object>> FINDINGS = List.of(
            finding(
                    "Reporting is manual and slow",
                    "high",
                    "Monthly management figures are copied from the order system into spreadsheets and reconciled by "
                            + "hand; errors are found late and fixing them delays decisions."),
            finding(
                    "Customer data lives in three places",
                    "high",
                    "Contacts, orders and support history are kept in separate tools with no shared identifier, so "
                            + "nobody sees a customer's whole history."),
            finding(
                    "Knowledge sits with a few people",
                    "medium",
                    "Pricing rules and exceptions are known to two senior staff and written down nowhere; absences "
                            + "stall quotes."),
            finding(
                    "No policy for AI tools",
                    "medium",
                    "Staff already paste customer text into public chat assistants; there is no guidance on what may "
                            + "be shared."),
            finding(
                    "Data quality is uneven",
                    "low",
                    "About a tenth of customer records lack an industry or a size, which weakens any segmentation or "
                            + "forecasting built on them."));

    static final List<Map<String, Object>> OPPORTUNITIES = List.of(
            opportunity(
                    "Automated monthly reporting",
                    "high",
                    "low",
                    "Connect the order system to a reporting tool and schedule the management pack; frees about four "
                            + "person-days a month."),
            opportunity(
                    "Assisted quoting",
                    "high",
                    "medium",
                    "Capture the pricing rules once and let an assistant draft quotes for review; halves the time to "
                            + "quote and spreads the knowledge."),
            opportunity(
                    "Single customer view",
                    "medium",
                    "medium",
                    "Match records across the three tools and keep one master list; the base for every later use of "
                            + "AI on customer data."),
            opportunity(
                    "AI usage guidelines and training",
                    "medium",
                    "low",
                    "A one-page policy and a half-day workshop make today's informal use safe."));

    static Map<String, Object> of(SimProject project) {
        Subject subject = Subject.of(project);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(
                "executiveSummary",
                subject.client() + " runs its core " + subject.industry() + " operations on a mix of spreadsheets, "
                        + "e-mail and two line-of-business systems that do not talk to each other. Reporting takes two "
                        + "people two days a month, quotes are assembled by hand, and customer questions wait for "
                        + "whoever knows the answer. The team is open to automation and has a modest budget; the "
                        + "quickest wins are in reporting and document handling, where data already exists and the "
                        + "work is repetitive. A phased plan over two quarters, starting with a data clean-up, keeps "
                        + "risk low and shows value within the first eight weeks.");
        document.put("findings", FINDINGS);
        document.put("opportunities", OPPORTUNITIES);
        document.put("dimensions", dimensions(subject));
        document.put("roadmap", roadmap(subject));
        document.put("readinessScore", 62);
        return document;
    }

    private static List<Map<String, Object>> dimensions(Subject subject) {
        return List.of(
                dimension(
                        "Data",
                        55,
                        "Order, customer and support data exist but in three unconnected tools; "
                                + subject.client() + " would need a shared customer identifier before any analysis "
                                + "across them is trustworthy."),
                dimension(
                        "Processes",
                        60,
                        "The main " + subject.industry() + " processes are understood by the team but documented "
                                + "only in part; quoting and month-end reporting depend on individual know-how."),
                dimension(
                        "Technology",
                        58,
                        "Current systems are stable and cloud-hosted, with export functions but no integration "
                                + "layer; most automation would start from scheduled exports."),
                dimension(
                        "People and skills",
                        70,
                        "Staff are curious about AI and already use public assistants informally; two people could "
                                + "own an automation backlog with a little training."),
                dimension(
                        "Governance",
                        45,
                        "There is no written policy on data sharing with AI tools and no owner for data quality; "
                                + "both are quick to fix and unblock everything else."),
                dimension(
                        "Leadership",
                        75,
                        "Management sponsors the audit and wants visible results within a quarter, with a budget "
                                + "for a first project and room to grow it on results."));
    }

    private static List<Map<String, Object>> roadmap(Subject subject) {
        return List.of(
                phase(
                        1,
                        "Foundations (weeks 1-6)",
                        List.of(
                                "Write and agree the AI usage policy",
                                "Clean customer records and add a shared identifier",
                                "Name an owner for data quality at " + subject.client())),
                phase(
                        2,
                        "Quick wins (weeks 4-12)",
                        List.of(
                                "Automate the monthly management pack",
                                "Capture pricing rules and pilot assisted quoting with two sales staff")),
                phase(
                        3,
                        "Scale (quarter 2)",
                        List.of(
                                "Roll assisted quoting out to the whole team",
                                "Build the single customer view and the first " + subject.industry()
                                        + " demand forecast on it")));
    }

    private static Map<String, Object> finding(String title, String severity, String detail) {
        return object("title", title, "severity", severity, "detail", detail);
    }

    private static Map<String, Object> opportunity(String title, String impact, String effort, String detail) {
        return object("title", title, "impact", impact, "effort", effort, "detail", detail);
    }

    private static Map<String, Object> dimension(String name, int score, String commentary) {
        return object("name", name, "score", score, "commentary", commentary);
    }

    private static Map<String, Object> phase(int order, String name, List<String> actions) {
        return object("order", order, "name", name, "actions", actions);
    }

    /** A JSON object of the given names and values, in that order (the documents never change order). */
    static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }
}
