package com.auditybridge.sim.audity;

import com.auditybridge.sim.Timestamps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plausible deliverables of a completed audit analysis, some tens of KB: an executive summary, an opportunity matrix,
 * a risk assessment and one memo per stakeholder, written from the project's client and industry. The same project
 * and analysis give the same document, member for member in the same order, however often it is read.
 */
final class DeliverablesDocument {
    private DeliverablesDocument() {}

    private record Opportunity(
            String title,
            String description,
            int impact,
            int effort,
            int annualValueUsd,
            int weeksToValue,
            String owner,
            List<String> dependsOn) {}

    private record Risk(
            String title,
            String category,
            String likelihood,
            String impact,
            String description,
            String mitigation,
            String owner) {}

    private record Stakeholder(String name, String role, String concern, List<String> opportunities) {}

    private static final List<Opportunity> OPPORTUNITIES = List.of(
            new Opportunity(
                    "Automated monthly reporting",
                    "Connect the order system to a reporting tool and schedule the management pack, so that the "
                            + "figures arrive on the first working day of the month without anyone copying them.",
                    5,
                    1,
                    48_000,
                    6,
                    "Finance lead",
                    List.of()),
            new Opportunity(
                    "Assisted quoting",
                    "Capture the pricing rules and their exceptions once, then let an assistant draft each quote "
                            + "for a salesperson to check; the rules stop living in two people's heads.",
                    5,
                    3,
                    95_000,
                    10,
                    "Sales director",
                    List.of("Pricing rules written down")),
            new Opportunity(
                    "Single customer view",
                    "Match contacts, orders and support history across the three tools and keep one master list "
                            + "with a shared identifier; every later use of customer data builds on it.",
                    4,
                    3,
                    60_000,
                    14,
                    "Operations manager",
                    List.of("Customer data clean-up")),
            new Opportunity(
                    "AI usage guidelines and training",
                    "A one-page policy on what may be shared with AI tools, and a half-day workshop for every team, "
                            + "make today's informal use safe and visible.",
                    3,
                    1,
                    15_000,
                    3,
                    "Managing director",
                    List.of()),
            new Opportunity(
                    "Support inbox triage",
                    "Classify incoming customer e-mails by topic and urgency and suggest a first answer from past "
                            + "replies; the team answers faster and nothing waits unseen.",
                    4,
                    2,
                    38_000,
                    8,
                    "Customer service lead",
                    List.of("Single customer view")),
            new Opportunity(
                    "Invoice and delivery note capture",
                    "Read supplier invoices and delivery notes into the order system instead of typing them; "
                            + "mismatches are flagged for a person to check.",
                    3,
                    2,
                    27_000,
                    8,
                    "Finance lead",
                    List.of()),
            new Opportunity(
                    "Demand forecast",
                    "Forecast demand per product family from order history and seasonality, refreshed weekly, to "
                            + "plan purchasing and staffing a quarter ahead.",
                    4,
                    4,
                    70_000,
                    20,
                    "Operations manager",
                    List.of("Single customer view", "Customer data clean-up")),
            new Opportunity(
                    "Knowledge base from existing documents",
                    "Index manuals, procedures and past project files so that staff can ask questions in plain "
                            + "language and get answers with their sources.",
                    3,
                    2,
                    22_000,
                    6,
                    "Operations manager",
                    List.of("AI usage guidelines and training")),
            new Opportunity(
                    "Customer data clean-up",
                    "Complete missing industry and size fields, merge duplicates and agree who keeps the data "
                            + "right from now on.",
                    3,
                    1,
                    12_000,
                    4,
                    "Operations manager",
                    List.of()),
            new Opportunity(
                    "Churn early warning",
                    "Flag customers whose orders slow down or whose support tickets pile up, so that an account "
                            + "manager calls before they leave.",
                    3,
                    3,
                    41_000,
                    16,
                    "Sales director",
                    List.of("Single customer view")),
            new Opportunity(
                    "Meeting notes and follow-ups",
                    "Summarise customer meetings and draft the follow-up e-mail and the CRM note from the "
                            + "salesperson's own notes.",
                    2,
                    1,
                    9_000,
                    2,
                    "Sales director",
                    List.of("AI usage guidelines and training")),
            new Opportunity(
                    "Custom pricing engine",
                    "Replace the spreadsheet price lists with an engine that computes prices from costs, volumes "
                            + "and margins; worthwhile only once assisted quoting has shown where the rules are.",
                    2,
                    5,
                    30_000,
                    30,
                    "Sales director",
                    List.of("Assisted quoting")));

    private static final List<Risk> RISKS = List.of(
            new Risk(
                    "Customer data shared with public AI tools",
                    "Compliance",
                    "high",
                    "high",
                    "Staff paste customer e-mails and quotes into public assistants today; personal data and prices "
                            + "may leave the company without any record.",
                    "Publish the usage policy in the first two weeks, provide an approved tool, and log its use.",
                    "Managing director"),
            new Risk(
                    "Pricing knowledge held by two people",
                    "Operations",
                    "medium",
                    "high",
                    "Quotes stall when either senior salesperson is away, and their retirement would take the "
                            + "pricing rules with them.",
                    "Write the rules down as the first step of assisted quoting, reviewed by both.",
                    "Sales director"),
            new Risk(
                    "Poor data quality undermines results",
                    "Data",
                    "high",
                    "medium",
                    "A tenth of customer records are incomplete and duplicates are common; models trained on them "
                            + "would mislead.",
                    "Run the customer data clean-up before any model uses the data, and measure completeness monthly.",
                    "Operations manager"),
            new Risk(
                    "Change fatigue",
                    "People",
                    "medium",
                    "medium",
                    "Several tools changed last year; another wave of change may meet resistance if its benefit is "
                            + "not visible quickly.",
                    "Start with reporting, whose benefit everyone sees, and involve the users of each change early.",
                    "Managing director"),
            new Risk(
                    "Vendor lock-in",
                    "Technology",
                    "low",
                    "medium",
                    "Building on one vendor's proprietary automation platform would make later changes costly.",
                    "Prefer tools with open export formats and keep the pricing rules and data in systems the "
                            + "company owns.",
                    "Finance lead"),
            new Risk(
                    "Integration effort underestimated",
                    "Technology",
                    "medium",
                    "medium",
                    "The order system offers exports but no documented API; integrations may take longer than "
                            + "planned.",
                    "Prototype the export-based reporting first and plan the later integrations on what it shows.",
                    "Operations manager"),
            new Risk(
                    "Wrong answers from assistants",
                    "Quality",
                    "medium",
                    "high",
                    "Drafted quotes or replies may contain wrong prices or promises if nobody checks them.",
                    "Keep a person approving every outgoing quote and answer until error rates are measured and low.",
                    "Sales director"),
            new Risk(
                    "Budget overrun",
                    "Finance",
                    "low",
                    "medium",
                    "Usage-priced AI services can cost more than planned as use grows.",
                    "Set monthly spending caps per service and review usage against value every quarter.",
                    "Finance lead"),
            new Risk(
                    "Security of new integrations",
                    "Security",
                    "low",
                    "high",
                    "Each new connection between systems is another way in for an attacker.",
                    "Use single sign-on, least-privilege service accounts and an inventory of every integration.",
                    "Operations manager"),
            new Risk(
                    "Benefits not measured",
                    "Governance",
                    "medium",
                    "low",
                    "Without a baseline, the value of each change cannot be shown, and later budgets are harder to "
                            + "win.",
                    "Record today's times and error rates for reporting, quoting and support before changing them.",
                    "Finance lead"));

    private static final List<Stakeholder> STAKEHOLDERS = List.of(
            new Stakeholder(
                    "Managing director",
                    "Sponsor",
                    "a plan that shows value within a quarter and keeps risk and spending under control",
                    List.of("Automated monthly reporting", "AI usage guidelines and training", "Assisted quoting")),
            new Stakeholder(
                    "Finance lead",
                    "Owner of reporting and invoicing",
                    "fewer manual hours at month end and numbers that can be trusted",
                    List.of("Automated monthly reporting", "Invoice and delivery note capture")),
            new Stakeholder(
                    "Sales director",
                    "Owner of quoting and customer relationships",
                    "faster quotes, fewer lost deals and less dependence on two people",
                    List.of("Assisted quoting", "Churn early warning", "Meeting notes and follow-ups")),
            new Stakeholder(
                    "Operations manager",
                    "Owner of processes and data",
                    "clean data, documented processes and integrations that do not break",
                    List.of("Customer data clean-up", "Single customer view", "Demand forecast")),
            new Stakeholder(
                    "Customer service lead",
                    "Owner of the support inbox",
                    "no question waiting unseen and answers that are consistent",
                    List.of("Support inbox triage", "Knowledge base from existing documents")),
            new Stakeholder(
                    "IT administrator",
                    "Keeper of systems and access",
                    "new tools that are secure, supported and do not multiply accounts",
                    List.of("AI usage guidelines and training", "Single customer view")));

    static Map<String, Object> of(SimProject project, SimJob job) {
        AnalysisDocument.Subject subject = AnalysisDocument.Subject.of(project);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("projectId", project.id);
        document.put("analysisId", job.analysisId());
        document.put("generatedAt", Timestamps.iso(job.finishedAt()));
        document.put("executiveSummary", executiveSummary(subject));
        document.put("opportunityMatrix", opportunityMatrix());
        document.put("riskAssessment", riskAssessment(subject));
        document.put("stakeholderMemos", memos(subject));
        return document;
    }

    private static Map<String, Object> executiveSummary(AnalysisDocument.Subject subject) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("title", "AI readiness audit of " + subject.client());
        summary.put(
                "overview",
                subject.client() + " is ready to start with AI where its data already exists and its work repeats: "
                        + "monthly reporting, quoting and the support inbox. Its " + subject.industry()
                        + " operations run on spreadsheets, e-mail and two systems that do not talk to each other, "
                        + "so the first quarter is about foundations (a usage policy, clean customer data, one owner "
                        + "for data quality) and two quick wins that everyone will see. The second quarter scales "
                        + "what worked and builds the single customer view on which forecasting and churn warnings "
                        + "depend. Twelve opportunities were assessed; five are recommended now, with an expected "
                        + "value of about 208,000 USD a year once running, against risks that are known and "
                        + "manageable if each has an owner from the start.");
        summary.put(
                "keyFindings",
                AnalysisDocument.FINDINGS.stream()
                        .map(f -> f.get("title") + ": " + f.get("detail"))
                        .toList());
        summary.put(
                "recommendations",
                List.of(
                        "Publish the AI usage policy and train every team within four weeks.",
                        "Automate the monthly management pack first: low effort, visible to all.",
                        "Write down the pricing rules and pilot assisted quoting with two salespeople.",
                        "Clean the customer data and introduce a shared customer identifier.",
                        "Measure today's reporting, quoting and support times before changing them."));
        summary.put(
                "expectedBenefits",
                List.of(
                        "About four person-days a month freed at month end.",
                        "Quotes out in hours rather than days.",
                        "Every customer question seen and answered within a day."));
        summary.put("readinessScore", 62);
        return summary;
    }

    private static Map<String, Object> opportunityMatrix() {
        Map<String, Object> matrix = new LinkedHashMap<>();
        matrix.put("axes", AnalysisDocument.object("x", "effort (1 low to 5 high)", "y", "impact (1 low to 5 high)"));
        Map<String, Object> quadrants = new LinkedHashMap<>();
        quadrants.put("quickWins", "High impact, low effort: do first.");
        quadrants.put("majorProjects", "High impact, high effort: plan and fund.");
        quadrants.put("fillIns", "Low impact, low effort: do when there is room.");
        quadrants.put("reconsider", "Low impact, high effort: not now.");
        matrix.put("quadrants", quadrants);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int i = 0; i < OPPORTUNITIES.size(); i++) {
            Opportunity o = OPPORTUNITIES.get(i);
            Map<String, Object> cell = AnalysisDocument.object(
                    "id", "OPP-" + (i + 1),
                    "title", o.title(),
                    "description", o.description(),
                    "impact", o.impact(),
                    "effort", o.effort(),
                    "quadrant", quadrant(o),
                    "estimatedAnnualValueUsd", o.annualValueUsd(),
                    "timeToValueWeeks", o.weeksToValue(),
                    "owner", o.owner(),
                    "dependsOn", o.dependsOn());
            cells.add(cell);
        }
        matrix.put("opportunities", cells);
        return matrix;
    }

    private static String quadrant(Opportunity o) {
        boolean high = o.impact() >= 4;
        boolean easy = o.effort() <= 2;
        return high ? (easy ? "quickWins" : "majorProjects") : (easy ? "fillIns" : "reconsider");
    }

    private static Map<String, Object> riskAssessment(AnalysisDocument.Subject subject) {
        Map<String, Object> assessment = new LinkedHashMap<>();
        assessment.put("overallRisk", "medium");
        assessment.put(
                "summary",
                "The risks of the plan are those of most " + subject.industry() + " businesses starting with AI: data "
                        + "leaving the company through informal tool use, knowledge held by few people, and data "
                        + "too poor to trust. None is unusual and each has a mitigation that costs little if it "
                        + "starts with the plan rather than after the first incident.");
        List<Map<String, Object>> risks = new ArrayList<>();
        for (int i = 0; i < RISKS.size(); i++) {
            Risk r = RISKS.get(i);
            Map<String, Object> risk = AnalysisDocument.object(
                    "id", "RISK-" + (i + 1),
                    "title", r.title(),
                    "category", r.category(),
                    "likelihood", r.likelihood(),
                    "impact", r.impact(),
                    "rating", rating(r),
                    "description", r.description(),
                    "mitigation", r.mitigation(),
                    "owner", r.owner());
            risks.add(risk);
        }
        assessment.put("risks", risks);
        return assessment;
    }

    private static String rating(Risk r) {
        int score = level(r.likelihood()) * level(r.impact());
        return score >= 6 ? "high" : score >= 3 ? "medium" : "low";
    }

    private static int level(String value) {
        return switch (value) {
            case "high" -> 3;
            case "medium" -> 2;
            default -> 1;
        };
    }

    private static List<Map<String, Object>> memos(AnalysisDocument.Subject subject) {
        List<Map<String, Object>> memos = new ArrayList<>();
        for (Stakeholder s : STAKEHOLDERS) {
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add("This memo summarises what the AI readiness audit of " + subject.client() + " means for "
                    + "you as " + s.role().toLowerCase(Locale.ROOT) + ". In our interviews you asked for "
                    + s.concern() + "; the recommendations below are chosen with that in mind, and each names what "
                    + "we need from you and when.");
            for (String title : s.opportunities()) {
                Opportunity o = OPPORTUNITIES.stream()
                        .filter(x -> x.title().equals(title))
                        .findFirst()
                        .orElseThrow();
                paragraphs.add(o.title() + ". " + o.description() + " We rate its impact " + o.impact()
                        + " and its effort " + o.effort() + " out of 5 (" + quadrant(o) + "), expect about "
                        + o.annualValueUsd() + " USD a year once it runs, and first results after " + o.weeksToValue()
                        + " weeks. It is owned by the " + o.owner().toLowerCase(Locale.ROOT)
                        + (o.dependsOn().isEmpty()
                                ? " and can start at once."
                                : " and starts after: " + String.join(", ", o.dependsOn()) + "."));
            }
            RISKS.stream()
                    .filter(r -> r.owner().equals(s.name()))
                    .forEach(r ->
                            paragraphs.add("A risk in your hands: " + r.title().toLowerCase(Locale.ROOT) + ". "
                                    + r.description() + " Our proposed mitigation: " + r.mitigation()));
            paragraphs.add("Across the " + subject.industry() + " businesses we audit, the projects that succeed start "
                    + "small, measure before and after, and keep a person responsible for every automated step "
                    + "until its results are trusted. We suggest a thirty-minute review with you every two weeks "
                    + "during the first quarter, and we are glad to walk your team through any part of this audit.");
            memos.add(AnalysisDocument.object(
                    "to",
                    s.name(),
                    "role",
                    s.role(),
                    "from",
                    "Audit team",
                    "subject",
                    "What the AI readiness audit means for the " + s.name().toLowerCase(Locale.ROOT),
                    "body",
                    String.join("\n\n", paragraphs),
                    "nextSteps",
                    s.opportunities().stream()
                            .map(t -> "Agree the plan for " + t.toLowerCase(Locale.ROOT))
                            .toList()));
        }
        return memos;
    }
}
