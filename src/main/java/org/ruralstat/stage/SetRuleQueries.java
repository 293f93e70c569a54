package org.ruralstat.stage;

import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.validate.RowOutcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The SQL behind each set rule kind, run over several submissions at once ({@code ids}, an id list from
 * {@link org.ruralstat.warehouse.Sql#ids}): each hit names its submission, and a submission's rows are compared only
 * with its own rows and the published facts, never with another submission being checked beside it. Identifiers come
 * from validated definitions, values are parameters.
 */
final class SetRuleQueries {

    private SetRuleQueries() {
    }

    static void unique(Connection c, String ids, SubjectDefinition subject, List<String> key, HitSink hits) throws SQLException {
        String keys = String.join(", ", key);
        String notNull = String.join(" and ", key.stream().map(k -> k + " is not null").toList());
        String sql = """
                with ranked as (
                    select submission_id, sheet, source_row,
                        first_value(source_row) over (partition by submission_id, %1$s order by sheet, source_row) as first_row,
                        row_number() over (partition by submission_id, %1$s order by sheet, source_row) as n
                    from %2$s
                    where submission_id in %4$s and %3$s
                )
                select distinct submission_id, sheet, source_row, first_row from ranked where n > 1
                order by submission_id, sheet, source_row
                """.formatted(keys, subject.stagingTable(), notNull, ids);
        SetRules.forEach(c, sql, row -> hits.add(new SetRuleHit(submission(row), (String) row.get("sheet"),
                ((Number) row.get("source_row")).intValue(), null, null, null,
                Map.of("first_row", String.valueOf(row.get("first_row"))))));
    }

    static void notAbove(Connection c, String ids, SubjectDefinition subject, String indicator, String limit, HitSink hits)
            throws SQLException {
        String value = subject.measures().column();
        String sql = """
                select a.submission_id, a.sheet, a.source_row, a.source_column, a.%1$s as value, b.%1$s as limit_value
                from %2$s as a
                join %2$s as b
                    on b.submission_id = a.submission_id and b.region_code = a.region_code and b.period = a.period
                   and b.indicator_code = ?
                where a.submission_id in %3$s and a.indicator_code = ? and a.%1$s > b.%1$s
                order by a.submission_id, a.sheet, a.source_row
                """.formatted(value, subject.stagingTable(), ids);
        SetRules.forEach(c, sql, row -> hits.add(measureHit(row, Map.of("value", SetRules.plain(row.get("value")),
                "limit_value", SetRules.plain(row.get("limit_value"))))), limit, indicator);
    }

    /**
     * Yearly values against the same region and indicator a year before: in the same submission, or published, less
     * the published values of the same submitter and subject that the submission's own keys replace.
     */
    static void yearOnYear(Connection c, String ids, SubjectDefinition subject, Double maxChange, HitSink hits)
            throws SQLException {
        String value = subject.measures().column();
        String sql = """
                with current_rows as (
                    select submission_id, sheet, source_row, source_column, region_code, indicator_code, year,
                        %1$s as value
                    from %2$s
                    where submission_id in %4$s and period = cast(year as varchar)
                ),
                checked as (
                    select submission_id, submitter_code, subject from etl_submission where submission_id in %4$s
                ),
                previous as (
                    select submission_id as for_submission, region_code, indicator_code, year, value from current_rows
                    union all
                    select wanted.submission_id, f.region_code, f.indicator_code, f.year, f.%1$s
                    from (select distinct submission_id, region_code, indicator_code, year - 1 as year
                          from current_rows) as wanted
                    join %3$s as f
                        on f.region_code = wanted.region_code and f.indicator_code = wanted.indicator_code
                       and f.year = wanted.year and f.period = cast(f.year as varchar)
                    join checked as me on me.submission_id = wanted.submission_id
                    left join etl_submission as fs on fs.submission_id = f.submission_id
                    where not (coalesce(fs.submitter_code = me.submitter_code and fs.subject = me.subject, false)
                          and exists (select 1 from %2$s as mine
                              where mine.submission_id = wanted.submission_id and mine.region_code = f.region_code
                                and mine.indicator_code = f.indicator_code and mine.period = f.period))
                ),
                final as (
                    select cur.submission_id, cur.sheet, cur.source_row, cur.source_column, cur.value, cur.year,
                        prev.value as previous_value, prev.year as previous_year
                    from current_rows as cur
                    join previous as prev
                        on prev.for_submission = cur.submission_id and prev.region_code = cur.region_code
                       and prev.indicator_code = cur.indicator_code and prev.year = cur.year - 1
                    where prev.value <> 0 and abs(cur.value / prev.value - 1) > ?
                )
                select distinct * from final order by submission_id, sheet, source_row
                """.formatted(value, subject.stagingTable(), subject.target(), ids);
        SetRules.forEach(c, sql, row -> {
            BigDecimal current = new BigDecimal(row.get("value").toString());
            BigDecimal previous = new BigDecimal(row.get("previous_value").toString());
            BigDecimal change = current.subtract(previous).multiply(BigDecimal.valueOf(100))
                    .divide(previous, 1, RoundingMode.HALF_UP);
            hits.add(measureHit(row, Map.of("value", SetRules.plain(current), "year", String.valueOf(row.get("year")),
                    "previous_value", SetRules.plain(previous), "previous_year", String.valueOf(row.get("previous_year")),
                    "change", (change.signum() > 0 ? "+" : "") + change.toPlainString() + "%")));
        }, maxChange);
    }

    /** A cadre posted to two villages at overlapping times: in the same submission or against the published postings. */
    static void overlappingPostings(Connection c, String ids, SubjectDefinition subject, HitSink hits) throws SQLException {
        String sql = """
                with mine as (
                    select submission_id, sheet, source_row, cadre_key, name_masked, village_code, start_date, end_date
                    from %1$s where submission_id in %3$s
                ),
                others as (
                    select null::bigint as for_submission, cadre_key, village_code, start_date, end_date from %2$s
                    union all
                    select submission_id, cadre_key, village_code, start_date, end_date from %1$s
                    where submission_id in %3$s
                ),
                final as (
                    select m.submission_id, m.sheet, m.source_row, m.name_masked, o.village_code as other_village,
                        o.start_date as other_start, o.end_date as other_end
                    from mine as m
                    join others as o
                        on o.cadre_key = m.cadre_key and o.village_code <> m.village_code
                       and (o.for_submission is null or o.for_submission = m.submission_id)
                       and coalesce(m.start_date, date '1900-01-01') <= coalesce(o.end_date, date '9999-12-31')
                       and coalesce(o.start_date, date '1900-01-01') <= coalesce(m.end_date, date '9999-12-31')
                )
                select submission_id, sheet, source_row, any_value(name_masked) as name_masked,
                    string_agg(distinct other_village || '（' || coalesce(cast(other_start as varchar), '?') || '～'
                        || coalesce(cast(other_end as varchar), '?') || '）', '；') as other
                from final
                group by submission_id, sheet, source_row
                order by submission_id, sheet, source_row
                """.formatted(subject.stagingTable(), subject.target(), ids);
        SetRules.forEach(c, sql, row -> hits.add(new SetRuleHit(submission(row), (String) row.get("sheet"),
                ((Number) row.get("source_row")).intValue(), null, null, null,
                Map.of("name", String.valueOf(row.get("name_masked")), "other", String.valueOf(row.get("other"))))));
    }

    /**
     * Each 合计 row against the sum of the sheet's rows above it, each 小计 row against the rows since the previous
     * 小计; skipped where a row in range was rejected, since its value is unknown.
     */
    static void totalsMatch(Connection c, String ids, SubjectDefinition subject, HitSink hits) throws SQLException {
        List<Map<String, Object>> totals = SetRules.query(c, """
                select submission_id, sheet, source_row, kind, target_column, indicator_code, value, column_name, cell_ref,
                    coalesce((select max(p.source_row) from stg_total as p
                              where p.submission_id = t.submission_id and p.sheet = t.sheet and p.kind = 'subtotal'
                                and p.source_row < t.source_row), 0) as previous_subtotal
                from stg_total as t
                where submission_id in %s
                order by submission_id, sheet, source_row, cell_ref""".formatted(ids));
        for (Map<String, Object> total : totals) {
            long id = submission(total);
            String column = (String) total.get("target_column");
            if (!column.matches("[a-z][a-z0-9_]*")) {
                continue;
            }
            int at = ((Number) total.get("source_row")).intValue();
            int from = "subtotal".equals(total.get("kind")) ? ((Number) total.get("previous_subtotal")).intValue() : 0;
            int to = at;
            String sheet = (String) total.get("sheet");
            Object indicator = total.get("indicator_code");
            if (rowsBetween(c, id, sheet, from, to, false) == 0) {
                // a 合计 row right under the header totals the rows below it, up to the next total row
                from = at;
                to = nextTotalRow(c, id, sheet, at);
            }
            if (rowsBetween(c, id, sheet, from, to, true) > 0) {
                continue;
            }
            String sql = "select sum(" + column + ") as total from " + subject.stagingTable()
                    + " where submission_id = ? and sheet = ? and source_row > ? and source_row < ?"
                    + (indicator == null ? "" : " and indicator_code = ? and source_column = ?");
            // a wide return may hold one indicator in several columns (one a year): a total sums its own column
            List<Map<String, Object>> sum = indicator == null ? SetRules.query(c, sql, id, sheet, from, to)
                    : SetRules.query(c, sql, id, sheet, from, to, indicator,
                            String.valueOf(total.get("cell_ref")).replaceAll("[0-9]", ""));
            Object summed = sum.get(0).get("total");
            BigDecimal stated = new BigDecimal(total.get("value").toString());
            BigDecimal actual = summed == null ? BigDecimal.ZERO : new BigDecimal(summed.toString());
            BigDecimal tolerance = actual.abs().multiply(new BigDecimal("0.001")).max(BigDecimal.ONE);
            if (stated.subtract(actual).abs().compareTo(tolerance) > 0) {
                hits.add(new SetRuleHit(id, sheet, at, (String) total.get("column_name"), (String) total.get("cell_ref"),
                        SetRules.plain(stated), Map.of("column", String.valueOf(total.get("column_name")),
                        "total", SetRules.plain(stated), "sum", SetRules.plain(actual))));
            }
        }
    }

    /**
     * Each 上年 figure against the published one for the same region, indicator and year: the figure of the same
     * submitter if it has one, else of the most local submitter. A difference is a revision of last year's figure that
     * this return cannot make: the bureau is told both numbers.
     */
    static void priorYearRevision(Connection c, String ids, SubjectDefinition subject, HitSink hits) throws SQLException {
        String value = subject.measures().column();
        String sql = """
                with published as (
                    select p.submission_id, p.sheet, p.source_row, p.source_column, p.year, p.value,
                        f.%1$s as published_value,
                    from stg_prior as p
                    join %2$s as f
                        on f.region_code = p.region_code and f.indicator_code = p.indicator_code and f.period = p.period
                    join etl_submission as sub on sub.submission_id = f.submission_id
                    join etl_submission as me on me.submission_id = p.submission_id
                    where p.submission_id in %3$s
                    qualify row_number() over (
                        partition by p.submission_id, p.sheet, p.source_row, p.source_column
                        order by sub.submitter_code = me.submitter_code desc, sub.submitter_code desc, f.submission_id desc
                    ) = 1
                )
                select * from published where value <> published_value
                order by submission_id, sheet, source_row, source_column
                """.formatted(value, subject.target(), ids);
        SetRules.forEach(c, sql, row -> hits.add(measureHit(row, Map.of("value", SetRules.plain(row.get("value")),
                "year", String.valueOf(row.get("year")), "published_value", SetRules.plain(row.get("published_value"))))));
    }

    /** Data rows of the sheet strictly between two rows; only the rejected ones when asked. */
    private static long rowsBetween(Connection c, long id, String sheet, int from, int to, boolean rejectedOnly)
            throws SQLException {
        return ((Number) SetRules.query(c, "select count(*) as n from stg_row where submission_id = ? and sheet = ? "
                + "and source_row > ? and source_row < ?" + (rejectedOnly ? " and outcome = " + RowOutcome.REJECTED.sql() : ""),
                id, sheet, from, to).get(0).get("n")).longValue();
    }

    /** The next total or subtotal row of the sheet after a row, or past the last row when there is none. */
    private static int nextTotalRow(Connection c, long id, String sheet, int after) throws SQLException {
        Object next = SetRules.query(c, "select min(source_row) as n from stg_total where submission_id = ? and sheet = ? "
                + "and source_row > ?", id, sheet, after).get(0).get("n");
        return next == null ? Integer.MAX_VALUE : ((Number) next).intValue();
    }

    /** Where a rule's hits go, one at a time: nothing holds all of a submission's findings. */
    @FunctionalInterface
    interface HitSink {
        void add(SetRuleHit hit) throws SQLException;
    }

    private static SetRuleHit measureHit(Map<String, Object> row, Map<String, String> params) {
        int sourceRow = ((Number) row.get("source_row")).intValue();
        Object letters = row.get("source_column");
        String cell = letters == null ? null : letters + Integer.toString(sourceRow);
        return new SetRuleHit(submission(row), (String) row.get("sheet"), sourceRow, null, cell,
                SetRules.plain(row.get("value")), params);
    }

    private static long submission(Map<String, Object> row) {
        return ((Number) row.get("submission_id")).longValue();
    }
}
