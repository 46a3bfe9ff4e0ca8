package com.auditybridge.sim.audity;

import java.util.List;
import java.util.Map;

/** A plausible audit analysis of a few KB, written from the project's client and industry. */
final class AnalysisDocument {
    private AnalysisDocument() {}

    static Map<String, Object> of(SimProject project) {
        String client;
        String industry;
        synchronized (project) {
            client = project.clientName;
            industry = project.industry;
        }
        return Map.of(
                "executiveSummary",
                client + " runs its core " + industry.toLowerCase(java.util.Locale.ROOT) + " operations on a mix of "
                        + "spreadsheets, e-mail and two line-of-business systems that do not talk to each other. "
                        + "Reporting takes two people two days a month, quotes are assembled by hand, and customer "
                        + "questions wait for whoever knows the answer. The team is open to automation and has a "
                        + "modest budget; the quickest wins are in reporting and document handling, where data "
                        + "already exists and the work is repetitive. A phased plan over two quarters, starting "
                        + "with a data clean-up, keeps risk low and shows value within the first eight weeks.",
                "findings",
                List.of(
                        finding(
                                "Reporting is manual and slow",
                                "high",
                                "Monthly management figures are copied from the order system into spreadsheets "
                                        + "and reconciled by hand; errors are found late and fixing them delays "
                                        + "decisions."),
                        finding(
                                "Customer data lives in three places",
                                "high",
                                "Contacts, orders and support history are kept in separate tools with no shared "
                                        + "identifier, so nobody sees a customer's whole history."),
                        finding(
                                "Knowledge sits with a few people",
                                "medium",
                                "Pricing rules and exceptions are known to two senior staff and written down "
                                        + "nowhere; absences stall quotes."),
                        finding(
                                "No policy for AI tools",
                                "medium",
                                "Staff already paste customer text into public chat assistants; there is no "
                                        + "guidance on what may be shared."),
                        finding(
                                "Data quality is uneven",
                                "low",
                                "About a tenth of customer records lack an industry or a size, which weakens any "
                                        + "segmentation or forecasting built on them.")),
                "opportunities",
                List.of(
                        opportunity(
                                "Automated monthly reporting",
                                "high",
                                "low",
                                "Connect the order system to a reporting tool and schedule the management pack; "
                                        + "frees about four person-days a month."),
                        opportunity(
                                "Assisted quoting",
                                "high",
                                "medium",
                                "Capture the pricing rules once and let an assistant draft quotes for review; "
                                        + "halves the time to quote and spreads the knowledge."),
                        opportunity(
                                "Single customer view",
                                "medium",
                                "medium",
                                "Match records across the three tools and keep one master list; the base for "
                                        + "every later use of AI on customer data."),
                        opportunity(
                                "AI usage guidelines and training",
                                "medium",
                                "low",
                                "A one-page policy and a half-day workshop make today's informal use safe.")),
                "readinessScore",
                62);
    }

    private static Map<String, String> finding(String title, String severity, String detail) {
        return Map.of("title", title, "severity", severity, "detail", detail);
    }

    private static Map<String, String> opportunity(String title, String impact, String effort, String detail) {
        return Map.of("title", title, "impact", impact, "effort", effort, "detail", detail);
    }
}
