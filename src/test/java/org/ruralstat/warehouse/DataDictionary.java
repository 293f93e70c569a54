package org.ruralstat.warehouse;

import org.ruralstat.subject.FieldDefinition;
import org.ruralstat.subject.IndicatorAliases;
import org.ruralstat.subject.RuleDefinition;
import org.ruralstat.subject.SubjectDefinition;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Renders the data dictionary (Markdown) from what actually defines the warehouse: the tables, views and their
 * {@code comment on} text in a database built from {@code warehouse/schema}, the subjects of {@code jobs/*.yml},
 * and the indicators and units of {@code seeds/}.
 */
public final class DataDictionary {

    private DataDictionary() {
    }

    public static String render(Connection c, List<SubjectDefinition> subjects, List<Map<String, String>> indicators,
                                List<Map<String, String>> units) throws SQLException {
        StringBuilder md = new StringBuilder();
        md.append("# ruralstat data dictionary\n\n")
                .append("Generated from `warehouse/schema/*.sql`, `warehouse/views/*.sql`, `jobs/*.yml` and `seeds/` ")
                .append("by `DataDictionaryIntegrationTests` (which fails when this file is out of date). Do not edit by hand.\n\n")
                .append("## Tables and views\n\n");
        try (Statement s = c.createStatement();
             ResultSet objects = s.executeQuery("""
                     select table_name as name, 'table' as kind, comment from duckdb_tables()
                     where schema_name = 'main' and not starts_with(table_name, 'stg_') and table_name <> 'etl_seed'
                     union all
                     select view_name, 'view', comment from duckdb_views() where schema_name = 'main' and not internal
                     order by kind, name""")) {
            List<String[]> list = new java.util.ArrayList<>();
            while (objects.next()) {
                list.add(new String[]{objects.getString(1), objects.getString(2), objects.getString(3)});
            }
            for (String[] object : list) {
                md.append("### `").append(object[0]).append("` (").append(object[1]).append(")\n\n")
                        .append(text(object[2])).append("\n\n")
                        .append("| column | type | meaning |\n|---|---|---|\n");
                try (var p = c.prepareStatement("select column_name, data_type, comment from duckdb_columns() "
                        + "where schema_name = 'main' and table_name = ? order by column_index")) {
                    p.setString(1, object[0]);
                    try (ResultSet columns = p.executeQuery()) {
                        while (columns.next()) {
                            md.append("| `").append(columns.getString(1)).append("` | ").append(columns.getString(2))
                                    .append(" | ").append(cell(columns.getString(3))).append(" |\n");
                        }
                    }
                }
                md.append('\n');
            }
        }
        md.append("## Indicators\n\n| code | subject | 名称 | name | unit | aggregation |\n|---|---|---|---|---|---|\n");
        for (Map<String, String> i : indicators) {
            md.append("| `").append(i.get("indicator_code")).append("` | ").append(i.get("subject")).append(" | ")
                    .append(i.get("name_zh")).append(" | ").append(i.get("name_en")).append(" | ").append(i.get("unit"))
                    .append(" | ").append(i.get("aggregation")).append(" |\n");
        }
        md.append("\n`sum`: adds up the hierarchy (village → township → county → prefecture → province) in `v_indicator_value`; ")
                .append("`weighted_mean`: a per-capita figure, never summed: it rolls up weighted by `weight_indicator` where the regions below report it, and is not rolled up (`not_rolled_up_no_weight`) where none does.\n\n");
        md.append("## Units as written, and their canonical units\n\n| written | dimension | canonical | factor |\n|---|---|---|---|\n");
        for (Map<String, String> u : units) {
            md.append("| ").append(u.get("unit")).append(" | ").append(u.get("dimension")).append(" | ")
                    .append(u.get("canonical_unit")).append(" | ").append(u.get("factor")).append(" |\n");
        }
        md.append("\n## Subjects: the headers a return may use\n\n");
        for (SubjectDefinition subject : subjects) {
            md.append("### ").append(subject.name()).append(" — ").append(subject.nameZh()).append(" → `")
                    .append(subject.target()).append("`\n\n| field | column | type | required | header wordings |\n|---|---|---|---|---|\n");
            for (FieldDefinition f : subject.fields()) {
                md.append("| ").append(f.name()).append(" | ").append(f.column() == null ? "" : "`" + f.column() + "`")
                        .append(" | ").append(f.type().name().toLowerCase(java.util.Locale.ROOT))
                        .append(f.codelist() == null ? "" : " (" + f.codelist() + ")").append(" | ")
                        .append(f.required() ? "yes" : "").append(" | ").append(String.join("、", f.aliases())).append(" |\n");
            }
            if (!subject.indicators().isEmpty()) {
                md.append("\n| indicator | header or cell wordings |\n|---|---|\n");
                for (IndicatorAliases i : subject.indicators()) {
                    md.append("| `").append(i.code()).append("` | ").append(String.join("、", i.aliases())).append(" |\n");
                }
            }
            if (!subject.rules().isEmpty()) {
                md.append("\n| rule | kind | parameters |\n|---|---|---|\n");
                for (RuleDefinition r : subject.rules()) {
                    md.append("| ").append(r.id()).append(" | ").append(r.kind()).append(" | ")
                            .append(cell(new java.util.TreeMap<>(r.params()).toString())).append(" |\n");
                }
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String text(String comment) {
        return comment == null ? "" : comment.replace(" | ", "  \n");
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "／").replace("\n", " ");
    }
}
