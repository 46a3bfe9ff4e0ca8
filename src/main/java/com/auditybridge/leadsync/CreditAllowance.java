package com.auditybridge.leadsync;

import com.auditybridge.audity.Credits;

/**
 * How many conversions the account's credits allow in one sync, judged by what {@code GET
 * /api/user/credits} documents by name: {@code canCreateProject} false allows none, and
 * {@code projectsRemaining} less the credit floor in whole projects caps them. One conversion makes
 * one project and costs {@value LeadSync#CONVERSION_COST} credits, so a floor of 2,000 credits keeps
 * 2 projects, and one of 1,500 keeps 2 as well: from a count of projects the sync cannot tell the odd
 * credits, and rounding the floor up is what keeps it.
 *
 * @param conversions how many conversions may start, at most
 * @param limit       why no more may, for the report of the leads left out
 */
record CreditAllowance(int conversions, String limit) {

    static CreditAllowance of(Credits credits, long creditFloor) {
        String floor = "credit floor of " + creditFloor + " would be crossed";
        if (Boolean.FALSE.equals(credits.canCreateProject())) {
            return new CreditAllowance(0, "Audity answers canCreateProject: false");
        }
        if (credits.projectsRemaining() != null) {
            long reserved = projects(creditFloor);
            return new CreditAllowance(
                    capped(credits.projectsRemaining() - reserved),
                    floor + " (" + credits.projectsRemaining() + " projects remaining, " + reserved + " kept)");
        }
        if (credits.canCreateProject() == null && credits.balance() != null) {
            // Inferred field: `balance` is not documented by name; it decides only when neither documented field came.
            return new CreditAllowance(
                    capped(Math.floorDiv(credits.balance() - creditFloor, LeadSync.CONVERSION_COST)),
                    floor + " (balance " + credits.balance() + ")");
        }
        return new CreditAllowance(0, "Audity's credits answer has no projectsRemaining");
    }

    /** The floor in whole projects, rounded up. */
    static long projects(long creditFloor) {
        return Math.max(0, -Math.floorDiv(-creditFloor, LeadSync.CONVERSION_COST));
    }

    private static int capped(long conversions) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, conversions));
    }
}
