package org.ruralstat.report;

import org.ruralstat.warehouse.Warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the report's facts from the working warehouse with the SQL files beside this class, the run id always
 * bound as a parameter. A report query may include an analyst question of {@code warehouse/queries/} as
 * {@code {{ query('name') }}}, so the report and the analysts count the same way.
 */
final class LedgerQueries {

    private static final Pattern INCLUDE = Pattern.compile("\\{\\{\\s*query\\('([a-z0-9_]+)'\\)\\s*}}");

    /** Maps the current row of a result set. */
    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Warehouse warehouse;

    LedgerQueries(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    LedgerFacts read(String runId) {
        return new LedgerFacts(
                query("run_files_by_outcome", rs -> new LedgerFacts.OutcomeCount(rs.getString("outcome"), rs.getLong("files")), runId),
                query("run_rows_by_subject", rs -> new LedgerFacts.SubjectRows(rs.getString("subject"), rs.getString("status"),
                        rs.getLong("files"), rs.getLong("rows_read"), rs.getLong("rows_loaded"), rs.getLong("rows_rejected"),
                        rs.getLong("rows_warned")), runId),
                query("submissions_by_submitter", rs -> new LedgerFacts.SubmissionLine(rs.getLong("submission_id"),
                        rs.getString("submitter_code"), rs.getString("submitter_name"), rs.getString("subject"),
                        rs.getString("period"), rs.getString("file_name"), rs.getString("status"), rs.getString("status_reason"),
                        rs.getLong("rows_read"), rs.getLong("rows_loaded"), rs.getLong("rows_rejected"), rs.getLong("rows_warned"),
                        rs.getString("feedback_path"), rs.getString("outcome_this_run")), runId),
                query("missing_submissions_by_province", rs -> new LedgerFacts.MissingGroup(rs.getString("province_code"),
                        rs.getString("province_name"), rs.getString("subject"), rs.getInt("year"), rs.getLong("counties"),
                        rs.getString("first_counties"))),
                query("most_frequent_problems", LedgerQueries::problem, runId),
                query("most_frequent_problems", LedgerQueries::problem, (Object) null),
                query("income_against_province_median", rs -> new LedgerFacts.CountyIncome(rs.getString("province_code"),
                        rs.getString("province_name"), rs.getInt("year"), rs.getString("county_code"), rs.getString("county_name"),
                        rs.getDouble("rural_income_per_capita_yuan"), rs.getDouble("province_median"),
                        rs.getLong("regions_in_province"), rs.getLong("regions_expected"))),
                query("first_secretary_coverage", rs -> new LedgerFacts.CountyCoverage(rs.getString("county_code"),
                        rs.getString("county_name"), rs.getInt("year"), rs.getLong("villages_with_first_secretary"),
                        rs.getLong("villages"), rs.getDouble("coverage_percent"))),
                query("sanitation_investment_by_county", rs -> new LedgerFacts.CountyInvestment(rs.getString("county_code"),
                        rs.getString("county_name"), rs.getLong("villages"), rs.getLong("projects"),
                        rs.getDouble("investment_yuan"), rs.getInt("first_year"), rs.getInt("last_year"))));
    }

    private static LedgerFacts.ProblemCount problem(ResultSet rs) throws SQLException {
        return new LedgerFacts.ProblemCount(rs.getString("rule"), rs.getString("severity"), rs.getLong("findings"),
                rs.getLong("submissions"), rs.getString("example_zh"));
    }

    private <T> Rows<T> query(String name, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = new ArrayList<>();
        try (Connection connection = warehouse.connect();
             PreparedStatement statement = connection.prepareStatement(sql(name))) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return Rows.of(rows);
        } catch (SQLException | UncheckedIOException e) {
            return Rows.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The report query of that name, with the analyst questions it includes spliced in as subqueries. */
    static String sql(String name) {
        String sql = resource("/org/ruralstat/report/" + name + ".sql");
        Matcher include = INCLUDE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (include.find()) {
            String question = resource("/warehouse/queries/" + include.group(1) + ".sql").strip();
            question = question.endsWith(";") ? question.substring(0, question.length() - 1) : question;
            include.appendReplacement(out, Matcher.quoteReplacement("(\n" + question + "\n)"));
        }
        return include.appendTail(out).toString();
    }

    private static String resource(String path) {
        try (InputStream in = LedgerQueries.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("missing SQL resource " + path));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
