package org.ruralstat.seeds;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic generator for {@code seeds/regions.csv} and {@code seeds/region_changes.csv}.
 *
 * <p>Plain JDK 17, no dependencies, runnable with the single-file source launcher from the
 * repository root:
 *
 * <pre>
 *   java src/test/java/org/ruralstat/seeds/RegionSeedBuilder.java <folder of the division code lists> seeds
 * </pre>
 *
 * <p>Inputs (where to fetch them: {@code seeds/README.md}): NBS 2023 statistical division
 * codes (modood/Administrative-divisions-of-China: provinces, cities, counties, townships and the
 * village files of provinces 14/22/33/35), the MCA GB/T 2260 list in force at 2024-12-31 and the
 * GB/T 2260 change history 1981-2024 (yescallop/areacodes).
 *
 * <p>Same input always gives byte-identical output: rows are sorted, output is UTF-8 without BOM
 * with LF line ends, and nothing time- or locale-dependent is written.
 */
public final class RegionSeedBuilder {

    static final String REGIONS_FILE = "regions.csv";
    static final String CHANGES_FILE = "region_changes.csv";

    static final List<String> REGION_HEADER = List.of(
            "region_code", "region_name", "level", "parent_code",
            "county_code", "prefecture_code", "province_code");
    static final List<String> CHANGE_HEADER = List.of(
            "retired_code", "retired_name", "level", "retired_year",
            "successor_code", "successor_name");

    static final List<String> VILLAGE_FILES = List.of(
            "villages_14_shanxi.csv",
            "villages_22_jilin.csv",
            "villages_33_zhejiang.csv",
            "villages_35_fujian.csv");

    static final String HISTORY_FILE = "gbt2260_history_1981-2024_yescallop.csv";
    static final String MCA_FILE = "gbt2260_mca_2024.csv";

    static final String PROVINCE = "province";
    static final String PREFECTURE = "prefecture";
    static final String COUNTY = "county";
    static final String TOWNSHIP = "township";
    static final String VILLAGE = "village";

    private static final Pattern SUCCESSOR = Pattern.compile("(\\d{6})(?:\\[(\\d{4})\\])?");

    private RegionSeedBuilder() {
    }

    /** Summary of one build, for callers that want the numbers. */
    public record Result(Map<String, Integer> rowsPerLevel, int regionRows, int changeRows,
                         int mergedPrefectureCounties, int reparentedForMissingParent,
                         int gbt2260OnlyCounties) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java RegionSeedBuilder.java <referenceDir> <outDir>");
            System.exit(2);
        }
        Result r = build(Path.of(args[0]), Path.of(args[1]));
        System.out.println("wrote " + r.regionRows() + " rows to " + REGIONS_FILE + " " + r.rowsPerLevel());
        System.out.println("wrote " + r.changeRows() + " rows to " + CHANGES_FILE);
    }

    public static Result build(Path referenceDir, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        RegionTable regions = buildRegions(referenceDir);
        List<List<String>> regionRows = new ArrayList<>();
        for (Region r : regions.byCode.values()) {
            regionRows.add(r.toRow());
        }
        writeCsv(outDir.resolve(REGIONS_FILE), REGION_HEADER, regionRows);

        List<List<String>> changes = buildChanges(referenceDir.resolve(HISTORY_FILE));
        writeCsv(outDir.resolve(CHANGES_FILE), CHANGE_HEADER, changes);
        System.err.println("region_changes.csv: wrote " + changes.size() + " rows");

        Map<String, Integer> perLevel = new LinkedHashMap<>();
        for (String level : List.of(PROVINCE, PREFECTURE, COUNTY, TOWNSHIP, VILLAGE)) {
            perLevel.put(level, 0);
        }
        for (Region r : regions.byCode.values()) {
            perLevel.merge(r.level, 1, Integer::sum);
        }
        return new Result(Collections.unmodifiableMap(perLevel), regionRows.size(), changes.size(),
                regions.merged, regions.reparented, regions.gbtOnly);
    }

    // ------------------------------------------------------------------ regions

    static final class Region {
        final String code;
        final String name;
        final String level;
        String parent = "";
        String county = "";
        String prefecture = "";
        String province = "";

        Region(String code, String name, String level) {
            this.code = code;
            this.name = name;
            this.level = level;
        }

        List<String> toRow() {
            return List.of(code, name, level, parent, county, prefecture, province);
        }
    }

    static final class RegionTable {
        final TreeMap<String, Region> byCode = new TreeMap<>();
        int merged;
        int reparented;
        int gbtOnly;

        void add(Region r) {
            Region old = byCode.putIfAbsent(r.code, r);
            if (old != null) {
                throw new IllegalStateException("duplicate region code " + r.code + ": "
                        + old.level + " " + old.name + " / " + r.level + " " + r.name);
            }
        }

        Region get(String code) {
            return byCode.get(code);
        }
    }

    static RegionTable buildRegions(Path dir) throws IOException {
        RegionTable t = new RegionTable();

        // provinces: 2-digit -> 6-digit
        for (Map<String, String> row : readCsv(dir.resolve("provinces.csv"), "code", "name")) {
            String code = digits(row.get("code"), 2, "provinces.csv") + "0000";
            Region r = new Region(code, name(row, "provinces.csv"), PROVINCE);
            r.province = code;
            t.add(r);
        }

        // prefectures: 4-digit -> 6-digit, parent province
        for (Map<String, String> row : readCsv(dir.resolve("cities.csv"), "code", "name", "provinceCode")) {
            String code4 = digits(row.get("code"), 4, "cities.csv");
            String prov = digits(row.get("provinceCode"), 2, "cities.csv") + "0000";
            requirePrefix(code4, prov.substring(0, 2), "cities.csv");
            Region r = new Region(code4 + "00", name(row, "cities.csv"), PREFECTURE);
            r.parent = prov;
            r.prefecture = r.code;
            r.province = prov;
            requireParent(t, r, PROVINCE);
            t.add(r);
        }

        // counties (NBS 2023): parent prefecture
        for (Map<String, String> row : readCsv(dir.resolve("counties.csv"),
                "code", "name", "cityCode", "provinceCode")) {
            String code = digits(row.get("code"), 6, "counties.csv");
            String pref = digits(row.get("cityCode"), 4, "counties.csv") + "00";
            String prov = digits(row.get("provinceCode"), 2, "counties.csv") + "0000";
            requirePrefix(code, pref.substring(0, 4), "counties.csv");
            requirePrefix(pref, prov.substring(0, 2), "counties.csv");
            String name = name(row, "counties.csv");

            Region existing = t.get(code);
            if (existing != null && existing.level.equals(PREFECTURE) && code.endsWith("00")
                    && existing.name.equals(name)) {
                // Known NBS quirk: 不设区的地级市 (东莞 441900, 中山 442000, 儋州 460400) appear both as a
                // prefecture (4419) and as a county-level row with the same code, with the townships
                // directly below. One code can only be one row: keep it as a county (townships hang
                // under it), parented to the province, with prefecture_code = its own code.
                t.byCode.remove(code);
                Region r = new Region(code, name, COUNTY);
                r.parent = prov;
                r.county = code;
                r.prefecture = code;
                r.province = prov;
                requireParent(t, r, PROVINCE);
                t.add(r);
                t.merged++;
                System.err.println("regions.csv: " + code + " " + name
                        + " is both prefecture and county in NBS; kept once as county under " + prov);
                continue;
            }

            Region r = new Region(code, name, COUNTY);
            r.county = code;
            r.province = prov;
            Region p = t.get(pref);
            if (p != null && p.level.equals(PREFECTURE)) {
                r.parent = pref;
                r.prefecture = pref;
            } else {
                // Tolerated NBS quirk: a county whose prefecture is absent is attached to its
                // province and counted. (Does not happen with the 2023 vintage.)
                r.parent = prov;
                t.reparented++;
            }
            requireParent(t, r, null);
            t.add(r);
        }

        // GB/T 2260 (MCA 2024) county-level codes that NBS 2023 lacks, e.g. 460302 西沙区.
        for (Map<String, String> row : readCsv(dir.resolve(MCA_FILE), "code", "name")) {
            String code = digits(row.get("code"), 6, MCA_FILE);
            if (code.endsWith("00") || t.get(code) != null) {
                continue;
            }
            String prov = code.substring(0, 2) + "0000";
            String pref = code.substring(0, 4) + "00";
            Region r = new Region(code, name(row, MCA_FILE), COUNTY);
            r.county = code;
            r.province = prov;
            Region p = t.get(pref);
            if (p != null && p.level.equals(PREFECTURE)) {
                r.parent = pref;
                r.prefecture = pref;
            } else {
                r.parent = prov;
            }
            requireParent(t, r, null);
            t.add(r);
            t.gbtOnly++;
            System.err.println("regions.csv: added GB/T 2260-only county " + code + " " + r.name
                    + " under " + r.parent);
        }

        // townships (9-digit): parent county = areaCode
        for (Map<String, String> row : readCsv(dir.resolve("townships.csv"),
                "code", "name", "areaCode", "provinceCode", "cityCode")) {
            String code = digits(row.get("code"), 9, "townships.csv");
            String county = digits(row.get("areaCode"), 6, "townships.csv");
            requirePrefix(code, county, "townships.csv");
            requirePrefix(code, digits(row.get("cityCode"), 4, "townships.csv"), "townships.csv");
            requirePrefix(code, digits(row.get("provinceCode"), 2, "townships.csv"), "townships.csv");
            Region c = t.get(county);
            if (c == null || !c.level.equals(COUNTY)) {
                throw new IllegalStateException("townships.csv: " + code + " has no county " + county);
            }
            Region r = new Region(code, name(row, "townships.csv"), TOWNSHIP);
            inherit(r, c);
            t.add(r);
        }

        // villages (12-digit): parent township = streetCode
        for (String file : VILLAGE_FILES) {
            for (Map<String, String> row : readCsv(dir.resolve(file),
                    "code", "name", "streetCode", "provinceCode", "cityCode", "areaCode")) {
                String code = digits(row.get("code"), 12, file);
                String town = digits(row.get("streetCode"), 9, file);
                String county = digits(row.get("areaCode"), 6, file);
                requirePrefix(code, town, file);
                requirePrefix(town, county, file);
                requirePrefix(code, digits(row.get("cityCode"), 4, file), file);
                requirePrefix(code, digits(row.get("provinceCode"), 2, file), file);
                Region tw = t.get(town);
                if (tw == null || !tw.level.equals(TOWNSHIP)) {
                    throw new IllegalStateException(file + ": " + code + " has no township " + town);
                }
                Region r = new Region(code, name(row, file), VILLAGE);
                inherit(r, tw);
                t.add(r);
            }
        }

        // final integrity pass
        for (Region r : t.byCode.values()) {
            if (r.level.equals(PROVINCE)) {
                if (!r.parent.isEmpty()) {
                    throw new IllegalStateException("province with parent: " + r.code);
                }
                continue;
            }
            if (t.get(r.parent) == null) {
                throw new IllegalStateException("missing parent " + r.parent + " for " + r.code);
            }
            if (t.get(r.province) == null || (!r.prefecture.isEmpty() && t.get(r.prefecture) == null)
                    || (!r.county.isEmpty() && t.get(r.county) == null)) {
                throw new IllegalStateException("dangling ancestor code on " + r.code);
            }
        }
        System.err.println("regions.csv: " + t.reparented
                + " rows re-parented because of a missing parent (known NBS quirks)");
        return t;
    }

    private static void inherit(Region child, Region parent) {
        child.parent = parent.code;
        child.county = parent.county;
        child.prefecture = parent.prefecture;
        child.province = parent.province;
    }

    private static void requireParent(RegionTable t, Region r, String expectedLevel) {
        Region p = t.get(r.parent);
        if (p == null || (expectedLevel != null && !p.level.equals(expectedLevel))) {
            throw new IllegalStateException("missing parent " + r.parent + " for " + r.level + " "
                    + r.code + " " + r.name);
        }
    }

    private static void requirePrefix(String code, String prefix, String file) {
        if (!code.startsWith(prefix)) {
            throw new IllegalStateException(file + ": code " + code + " does not start with " + prefix);
        }
    }

    private static String digits(String value, int length, String file) {
        String v = value == null ? "" : value.trim();
        if (v.length() != length || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new IllegalStateException(file + ": expected " + length + " digits, got '" + value + "'");
        }
        return v;
    }

    private static String name(Map<String, String> row, String file) {
        String n = row.get("name") == null ? "" : row.get("name").trim();
        if (n.isEmpty()) {
            throw new IllegalStateException(file + ": empty name for code " + row.get("code"));
        }
        return n;
    }

    // ------------------------------------------------------------------ changes

    static List<List<String>> buildChanges(Path historyFile) throws IOException {
        List<Map<String, String>> rows = readCsv(historyFile,
                "代码", "一级行政区", "二级行政区", "名称", "级别", "状态", "启用时间", "变更/弃用时间", "新代码");

        Map<String, String> inUseName = new TreeMap<>();
        for (Map<String, String> row : rows) {
            if ("在用".equals(row.get("状态").trim())) {
                String code = digits(row.get("代码"), 6, HISTORY_FILE);
                if (inUseName.put(code, row.get("名称").trim()) != null) {
                    throw new IllegalStateException(HISTORY_FILE + ": code in use twice: " + code);
                }
            }
        }

        // (retired_code, successor_code) -> row; on repeats keep the latest retirement year,
        // ties resolved by first occurrence in the file.
        TreeMap<String, List<String>> pairs = new TreeMap<>();
        for (Map<String, String> row : rows) {
            String status = row.get("状态").trim();
            if (!status.equals("弃用") && !status.equals("变更")) {
                if (!status.equals("在用")) {
                    throw new IllegalStateException(HISTORY_FILE + ": unknown 状态 '" + status + "'");
                }
                continue;
            }
            String successors = row.get("新代码").trim();
            if (successors.isEmpty()) {
                continue;
            }
            String code = digits(row.get("代码"), 6, HISTORY_FILE);
            String level = level(row.get("级别").trim());
            String year = row.get("变更/弃用时间").trim();
            if (!year.matches("\\d{4}")) {
                throw new IllegalStateException(HISTORY_FILE + ": bad year '" + year + "' for " + code);
            }
            Set<String> seen = new TreeSet<>();
            for (String token : successors.split(";")) {
                Matcher m = SUCCESSOR.matcher(token.trim());
                if (!m.matches()) {
                    throw new IllegalStateException(HISTORY_FILE + ": bad 新代码 '" + successors + "' for " + code);
                }
                String succ = m.group(1);
                if (!seen.add(succ)) {
                    continue;
                }
                List<String> out = List.of(code, row.get("名称").trim(), level, year, succ,
                        inUseName.getOrDefault(succ, ""));
                String key = code + "|" + succ;
                List<String> prev = pairs.get(key);
                if (prev == null || prev.get(3).compareTo(year) < 0) {
                    pairs.put(key, out);
                }
            }
        }
        return new ArrayList<>(pairs.values());
    }

    private static String level(String chinese) {
        switch (chinese) {
            case "省级":
                return PROVINCE;
            case "地级":
                return PREFECTURE;
            case "县级":
                return COUNTY;
            default:
                throw new IllegalStateException(HISTORY_FILE + ": unknown 级别 '" + chinese + "'");
        }
    }

    // ------------------------------------------------------------------ CSV

    /**
     * Reads an RFC 4180 CSV file (UTF-8, optional BOM, LF or CRLF) into maps keyed by header,
     * checking that the header starts with the expected columns and every row has the header's width.
     */
    static List<Map<String, String>> readCsv(Path file, String... expectedHeader) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<List<String>> records = parseCsv(text, file.getFileName().toString());
        if (records.isEmpty()) {
            throw new IllegalStateException(file + ": empty file");
        }
        List<String> header = new ArrayList<>();
        for (String h : records.get(0)) {
            header.add(h.trim());
        }
        for (int i = 0; i < expectedHeader.length; i++) {
            if (i >= header.size() || !header.get(i).equals(expectedHeader[i])) {
                throw new IllegalStateException(file + ": unexpected header " + header);
            }
        }
        List<Map<String, String>> out = new ArrayList<>(records.size());
        for (int i = 1; i < records.size(); i++) {
            List<String> rec = records.get(i);
            if (rec.size() != header.size()) {
                throw new IllegalStateException(file + ": record " + i + " has " + rec.size()
                        + " fields, header has " + header.size());
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int j = 0; j < header.size(); j++) {
                m.put(header.get(j), rec.get(j));
            }
            out.add(m);
        }
        return out;
    }

    static List<List<String>> parseCsv(String text, String what) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean fieldStarted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"':
                    if (field.length() != 0) {
                        throw new IllegalStateException(what + ": stray quote in record " + records.size());
                    }
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    record.add(field.toString());
                    field.setLength(0);
                    fieldStarted = true;
                    break;
                case '\r':
                case '\n':
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        break; // CRLF: the LF ends the record
                    }
                    if (fieldStarted || field.length() != 0 || !record.isEmpty()) {
                        record.add(field.toString());
                        records.add(record);
                    }
                    record = new ArrayList<>();
                    field.setLength(0);
                    fieldStarted = false;
                    break;
                default:
                    field.append(c);
                    fieldStarted = true;
            }
        }
        if (inQuotes) {
            throw new IllegalStateException(what + ": unterminated quoted field");
        }
        if (fieldStarted || field.length() != 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    static void writeCsv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            writeRecord(w, header);
            for (List<String> row : rows) {
                writeRecord(w, row);
            }
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeRecord(BufferedWriter w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(fields.get(i)));
        }
        w.write('\n');
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
