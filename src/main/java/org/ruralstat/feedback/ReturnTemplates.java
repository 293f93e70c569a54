package org.ruralstat.feedback;

import org.ruralstat.feedback.TemplateColumn.Check;
import org.ruralstat.reference.ReferenceData;
import org.ruralstat.reference.Region;
import org.ruralstat.subject.FieldDefinition;
import org.ruralstat.subject.FieldType;
import org.ruralstat.subject.IndicatorAliases;
import org.ruralstat.subject.RuleDefinition;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.validate.RowValidationItemProcessor;
import org.ruralstat.validate.Rule;
import org.ruralstat.validate.RuleCatalog;
import org.ruralstat.validate.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plans the return a bureau fills in for a subject and year: the canonical header of each field (its first alias in
 * {@code jobs/<subject>.yml}) with its unit, the regions of the bureau's jurisdiction at the subject's grain, and for
 * each column the check that the subject's row rules make (code lists, ranges, dates, ID numbers). A template filled
 * in as its prompts say loads with no finding; most of what the rules would reject, Excel refuses as it is typed.
 */
public final class ReturnTemplates {

    /** The header of the column where a bureau explains a value a warning questions (see docs/bureaus.md). */
    public static final String JUSTIFICATION_HEADER = "说明";

    static final String REGION_CODES = "区划代码";
    static final String REGION_NAMES = "地区名称";
    static final String TOWNSHIPS = "乡镇";
    private static final int BLANK_ROWS = 500;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");
    private static final Map<String, String> UNIT_WORDS = Map.of("yuan", "元", "persons", "人", "hour", "学时",
            "m", "米", "m2", "平方米", "unit", "个", "household", "户");
    private static final Map<String, String> LEVEL_WORDS = Map.of("province", "省", "prefecture", "市（州）",
            "county", "县（市、区）", "township", "乡镇", "village", "村");

    private final ReferenceData reference;
    private final RuleCatalog rules;

    public ReturnTemplates(ReferenceData reference, RuleCatalog rules) {
        this.reference = reference;
        this.rules = rules;
    }

    /**
     * The template of a subject for a submitter and year.
     *
     * @param level the regions' level for a subject that reports at any level (income, employment); ignored for a
     *              subject whose rows name a village
     */
    public ReturnTemplate plan(SubjectDefinition subject, Region submitter, int year, String level) {
        String grain = subject.region().level().equals("any") ? level : subject.region().level();
        List<Region> regions = regionsOf(submitter, grain);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("no " + grain + " within " + submitter.code() + " " + submitter.name());
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put(REGION_CODES, regions.stream().map(Region::code).toList());
        lists.put(REGION_NAMES, regions.stream().map(Region::name).distinct().toList());
        boolean withTownship = grain.equals("village") && subject.region().parentNameField() != null;
        if (withTownship) {
            lists.put(TOWNSHIPS, regionsOf(submitter, "township").stream().map(Region::name).distinct().toList());
        }
        List<TemplateColumn> columns = new ArrayList<>();
        if (withTownship) {
            columns.add(new TemplateColumn(header(subject, subject.region().parentNameField()), Check.LIST, TOWNSHIPS,
                    null, null, false, "所在乡镇（街道）的名称，可从下拉列表选择。"));
        }
        columns.add(new TemplateColumn(header(subject, subject.region().nameField()), Check.LIST, REGION_NAMES, null,
                null, false, LEVEL_WORDS.getOrDefault(grain, grain) + "名称，可从下拉列表选择；与区划代码对应。"));
        columns.add(new TemplateColumn(header(subject, subject.region().codeField()), Check.LIST, REGION_CODES, null,
                null, true, "统计用区划代码，按文本填写（" + regions.get(0).code().length() + " 位），不要转成数字；"
                + "只能填本单位管辖范围内的代码。"));
        List<List<String>> rows = new ArrayList<>();
        int blank;
        if (subject.hasMeasures()) {
            for (IndicatorAliases indicator : subject.indicators()) {
                columns.add(indicatorColumn(subject, indicator));
            }
            for (Region region : regions) {
                List<String> row = new ArrayList<>();
                if (withTownship) {
                    row.add(reference.regions().byCode(region.parentCode()).map(Region::name).orElse(""));
                }
                row.add(region.name());
                row.add(region.code());
                rows.add(row);
            }
            blank = 0;
        } else {
            for (FieldDefinition field : subject.fields()) {
                if (isItemField(subject, field)) {
                    columns.add(fieldColumn(subject, field, lists));
                }
            }
            blank = BLANK_ROWS;
        }
        columns.add(new TemplateColumn(JUSTIFICATION_HEADER, Check.TEXT, null, null, null, false,
                "只在核实无误的数值被提示“警告”时填写原因（如“新建工厂，收入增加属实”）。说明不能用于错误。"));
        String title = submitter.name() + year + "年" + subject.nameZh() + "报表";
        String subtitle = "填报单位：" + submitter.name() + "（" + submitter.code() + "）    报告期：" + year + "年";
        return new ReturnTemplate(subject.nameZh(), title, subtitle, columns, rows, blank, lists,
                instructions(subject, submitter, year, columns));
    }

    private List<Region> regionsOf(Region submitter, String level) {
        if (level.equals(submitter.level())) {
            return List.of(submitter);
        }
        return reference.regions().all().stream()
                .filter(r -> r.level().equals(level) && r.isWithin(submitter.code()))
                .sorted(Comparator.comparing(Region::code)).toList();
    }

    private static boolean isItemField(SubjectDefinition subject, FieldDefinition field) {
        String name = field.name();
        return !name.equals(subject.region().codeField()) && !name.equals(subject.region().nameField())
                && !name.equals(subject.region().parentNameField()) && field.type() != FieldType.PERIOD
                && field.type() != FieldType.DATE_RANGE && !name.equals(RowValidationItemProcessor.JUSTIFICATION_FIELD);
    }

    private TemplateColumn indicatorColumn(SubjectDefinition subject, IndicatorAliases indicator) {
        String unit = reference.indicatorUnits().getOrDefault(indicator.code(), "");
        String word = UNIT_WORDS.getOrDefault(unit, unit);
        Optional<RuleDefinition> range = subject.rules().stream()
                .filter(r -> r.kind().equals("range") && subject.measures().column().equals(r.text("column")))
                .filter(r -> r.list("indicators").isEmpty() || r.list("indicators").contains(indicator.code()))
                .findFirst();
        Check check = unit.equals("persons") ? Check.WHOLE : Check.DECIMAL;
        return numberColumn(indicator.aliases().get(0) + "（" + word + "）", check, range, "单位：" + word + "。");
    }

    private TemplateColumn fieldColumn(SubjectDefinition subject, FieldDefinition field,
                                       Map<String, List<String>> lists) {
        String header = field.aliases().get(0);
        String required = field.required() ? "必填。" : "";
        return switch (field.type()) {
            case CODE -> {
                lists.put(field.codelist(), List.copyOf(reference.codeLists().names(field.codelist())));
                yield new TemplateColumn(header, Check.LIST, field.codelist(), null, null, true,
                        required + "请从下拉列表选择：" + String.join("、", reference.codeLists().names(field.codelist())) + "。");
            }
            case ID_NUMBER -> new TemplateColumn(header, Check.ID_NUMBER, null, null, null, true,
                    required + "18 位公民身份号码，按文本填写（末位可为 X）。入库时只保存加密后的编号。");
            case DATE -> new TemplateColumn(header, Check.DATE, null, null, null, true,
                    required + "日期，如 2022-05-01。");
            case BIRTH_YEAR -> new TemplateColumn(header, Check.TEXT, null, null, null, false,
                    required + "出生年月，如 1985-06 或 1985年6月。入库时只保存出生年份。");
            case PERSON_NAME -> new TemplateColumn(header, Check.TEXT, null, null, null, false,
                    required + "姓名。入库时自动脱敏（张*明）。");
            case PHONE -> new TemplateColumn(header, Check.TEXT, null, null, null, false,
                    required + "手机或固定电话，用于核实；不会入库。");
            case MONEY -> numberColumn(header + "（万元）", Check.DECIMAL, rangeOf(subject, field), required + "单位：万元。");
            case INTEGER -> numberColumn(header, Check.WHOLE, rangeOf(subject, field), required + "整数。");
            case DECIMAL, QUANTITY -> numberColumn(header + unitSuffix(field), Check.DECIMAL, rangeOf(subject, field),
                    required + "数字。");
            case UNIT -> new TemplateColumn(header, Check.TEXT, null, null, null, false,
                    required + "计量单位，如 米、平方米、个、座、户。");
            default -> new TemplateColumn(header, Check.TEXT, null, null, null, false, required.isEmpty() ? "文字。" : required);
        };
    }

    private static String unitSuffix(FieldDefinition field) {
        return field.unit() == null ? "" : "（" + UNIT_WORDS.getOrDefault(field.unit(), field.unit()) + "）";
    }

    private Optional<RuleDefinition> rangeOf(SubjectDefinition subject, FieldDefinition field) {
        Set<String> names = new HashSet<>(List.of(field.name(), field.name() + "_yuan"));
        if (field.column() != null) {
            names.add(field.column());
        }
        return subject.rules().stream().filter(r -> r.kind().equals("range") && names.contains(r.text("column"))).findFirst();
    }

    private TemplateColumn numberColumn(String header, Check check, Optional<RuleDefinition> range, String prompt) {
        Double min = range.map(r -> r.number("min")).orElse(null);
        Double max = range.map(r -> r.number("max")).orElse(null);
        boolean stop = range.map(r -> rules.rule(r.id()).severity() == Severity.ERROR).orElse(true);
        String bounds = min == null && max == null ? ""
                : "范围：" + (min == null ? "" : plain(min)) + "～" + (max == null ? "" : plain(max))
                + "（规则 " + range.get().id() + "）。";
        return new TemplateColumn(header, check, null, min, max, stop, prompt + bounds);
    }

    /** A bound as Excel and a prompt write it: 1000, not 1000.0. */
    static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private List<String> instructions(SubjectDefinition subject, Region submitter, int year,
                                             List<TemplateColumn> columns) {
        List<String> lines = new ArrayList<>();
        lines.add("本表用于 " + submitter.name() + "（" + submitter.code() + "）报送 " + year + " 年" + subject.nameZh() + "数据。");
        lines.add("1. 请勿修改第 1～3 行（标题和表头，已保护）；数据从第 4 行起填写" + (subject.hasMeasures()
                ? "，每个地区一行，地区已预先填好。" : "，一行一条记录，可插入或删除行。"));
        lines.add("2. 区划代码一律按文本填写，不要改成数字格式，否则末尾数字会丢失。");
        lines.add("3. 有下拉箭头的列请从列表中选择；数字、日期和身份证号在输入时即由 Excel/WPS 检查，输入有误会提示。");
        lines.add("4. “说明”列：某个数值经核实无误、但回执提示“警告”（如比上年变化过大）时，在该行写明原因后重新报送，"
                + "该警告即记为已说明，以后的版本不再提示。说明不能用于错误，错误必须改正。");
        lines.add("5. 填好后把文件放入报送目录 input/" + submitter.code() + "/；次日在 receipts/" + submitter.code()
                + "/ 查看回执。报送前可先用 ruralstat check 检查。");
        lines.add("");
        lines.add("各列填写要求：");
        for (TemplateColumn column : columns) {
            lines.add("· " + column.header() + "：" + column.prompt());
        }
        lines.add("");
        lines.add("本报表的校验规则：");
        for (RuleDefinition definition : subject.rules()) {
            Rule rule = rules.rule(definition.id());
            lines.add("· " + rule.id() + "（" + (rule.severity() == Severity.ERROR ? "错误" : "警告") + "）："
                    + PLACEHOLDER.matcher(rule.zh()).replaceAll("…"));
        }
        return lines;
    }

    private static String header(SubjectDefinition subject, String fieldName) {
        return subject.field(fieldName).map(f -> f.aliases().get(0)).orElse(fieldName);
    }
}
