package org.ruralstat.query;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One statement per call, read as DuckDB's lexer reads it; formula-looking CSV cells neutralised. */
class SqlTextTests {

    @Test
    void oneStatementIsKept() {
        Map<String, String> cases = Map.of(
                "select 1", "select 1",
                "select 1;", "select 1",
                "  select 1 ;  \n ", "select 1",
                "select ';' as semicolon", "select ';' as semicolon",
                "select 'it''s; fine'", "select 'it''s; fine'",
                "select \"a;b\" from t", "select \"a;b\" from t",
                "select 1 -- a comment; with a semicolon", "select 1 -- a comment; with a semicolon",
                "select /* ; */ 1", "select /* ; */ 1",
                "select $$a;b$$", "select $$a;b$$",
                "select $tag$a;b$tag$", "select $tag$a;b$tag$");
        cases.forEach((sql, expected) -> assertThat(SqlText.singleStatement(sql)).as(sql).contains(expected));
    }

    @Test
    void noneOrSeveralAreRefused() {
        for (String sql : new String[]{"select 1; select 2", "select 1;copy t to '/tmp/x'",
                "select 'a'; attach '/w.duckdb' as w", ";", "   ", "", "-- only a comment", "/* only */",
                "select 1; -- trailing comment\nselect 2", "select '';select 2", "select \"\";select 2"}) {
            assertThat(SqlText.singleStatement(sql)).as(sql).isEmpty();
        }
    }

    @Test
    void formulaLookingCellsAreNeutralisedAndNumbersAreNot() {
        Map<String, String> cases = Map.of(
                "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0",
                "=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")",
                "+1+2", "'+1+2",
                "@SUM(A1)", "'@SUM(A1)",
                "-12.5", "-12.5",
                "+3", "+3",
                "1e5", "1e5",
                "图们市", "图们市",
                "\t=1", "'\t=1");
        cases.forEach((cell, expected) -> assertThat(TablePrinter.neutralised(cell)).as(cell).isEqualTo(expected));
    }
}
