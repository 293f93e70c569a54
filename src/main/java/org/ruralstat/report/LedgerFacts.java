package org.ruralstat.report;

/**
 * What the warehouse says about a run and about the data as a whole, as the morning report shows it.
 *
 * @param outcomes         files this run saw, by what it did with them
 * @param subjects         rows this run took in, by subject and status
 * @param submissions      every submission in the ledger
 * @param missing          counties that have not submitted, by province, subject and year
 * @param problemsThisRun  the most frequent problems in the submissions this run took in
 * @param problemsOverall  the most frequent problems in every submission
 * @param income           county incomes against the province median, latest year of each province
 * @param coverage         first-secretary coverage of villages, latest year of each county
 * @param sanitation       sanitation investment by county, all years
 */
record LedgerFacts(Rows<OutcomeCount> outcomes, Rows<SubjectRows> subjects, Rows<SubmissionLine> submissions,
                   Rows<MissingGroup> missing, Rows<ProblemCount> problemsThisRun, Rows<ProblemCount> problemsOverall,
                   Rows<CountyIncome> income, Rows<CountyCoverage> coverage, Rows<CountyInvestment> sanitation) {

    /** Files of one outcome ({@code new}, {@code already_loaded}, {@code duplicate}, {@code resumed}…). */
    record OutcomeCount(String outcome, long files) {
    }

    /** Files and source rows of one subject and status. */
    record SubjectRows(String subject, String status, long files, long read, long loaded, long rejected, long warned) {
    }

    /** One submission; {@code feedbackPath} is relative to the warehouse folder, {@code outcomeThisRun} null when unseen. */
    record SubmissionLine(long submissionId, String submitterCode, String submitterName, String subject, String period,
                          String fileName, String status, String statusReason, long read, long loaded, long rejected,
                          long warned, String feedbackPath, String outcomeThisRun) {
    }

    /** Counties of one province that have not submitted a subject for a year, with the first few names. */
    record MissingGroup(String provinceCode, String provinceName, String subject, int year, long counties,
                        String firstCounties) {
    }

    /** Findings of one rule and severity, with an example message. */
    record ProblemCount(String rule, String severity, long findings, long submissions, String exampleZh) {
    }

    /** A county's rural per-capita disposable income and its province's median, in yuan. */
    record CountyIncome(String provinceCode, String provinceName, int year, String countyCode, String countyName,
                        double incomeYuan, double provinceMedianYuan, long countiesReported, long countiesExpected) {
    }

    /** A county's villages with a first secretary, out of its villages. */
    record CountyCoverage(String countyCode, String countyName, int year, long covered, long villages, double percent) {
    }

    /** A county's sanitation investment in yuan, with the villages, projects and years it spans. */
    record CountyInvestment(String countyCode, String countyName, long villages, long projects, double investmentYuan,
                            int firstYear, int lastYear) {
    }
}
