package org.ruralstat.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Real counties, townships and administrative villages from the NBS code lists, picked reproducibly.
 *
 * <p>A "village" here is a 12-digit code whose name ends with 村委会 or 村 (never a 社区 or 居委会).
 */
final class DemoRegions {

    private static final String[] VILLAGE_FILES = {
        "villages_22_jilin.csv", "villages_14_shanxi.csv", "villages_35_fujian.csv"};

    /** One administrative village with its township. */
    record Village(String code, String name, String townshipCode, String townshipName, String countyCode) {

        /** The name as bureaus usually write it: 笠峰村 for 笠峰村委会. */
        String shortName() {
            return name.endsWith("村委会") ? name.substring(0, name.length() - 2) : name;
        }
    }

    /** One township-level unit (乡, 镇 or 街道). */
    record Township(String code, String name, String countyCode) {
    }

    private final Map<String, String> countyNames = new HashMap<>();
    private final Map<String, Township> townships = new LinkedHashMap<>();
    /** Every 12-digit entry of a county (villages and communities), by county code. */
    private final Map<String, List<String[]>> allEntries = new HashMap<>();
    private final Map<String, List<Village>> villages = new HashMap<>();

    private DemoRegions() {
    }

    static DemoRegions load(Path referenceDir) throws IOException {
        DemoRegions regions = new DemoRegions();
        for (CSVRecord r : read(referenceDir.resolve("counties.csv"))) {
            regions.countyNames.put(r.get("code"), r.get("name"));
        }
        for (CSVRecord r : read(referenceDir.resolve("townships.csv"))) {
            regions.townships.put(r.get("code"), new Township(r.get("code"), r.get("name"), r.get("areaCode")));
        }
        for (String file : VILLAGE_FILES) {
            for (CSVRecord r : read(referenceDir.resolve(file))) {
                regions.addVillageEntry(r.get("code"), r.get("name"), r.get("streetCode"), r.get("areaCode"));
            }
        }
        regions.villages.values().forEach(list -> list.sort(Comparator.comparing(Village::code)));
        return regions;
    }

    /**
     * The same regions from the repository's own {@code seeds/regions.csv} (made from those lists; see
     * seeds/README.md), so the demo drop can be made again from a clone.
     */
    static DemoRegions loadSeeds(Path regionsCsv) throws IOException {
        DemoRegions regions = new DemoRegions();
        List<CSVRecord> records = read(regionsCsv);
        for (CSVRecord r : records) {
            switch (r.get("level")) {
                case "county" -> regions.countyNames.put(r.get("region_code"), r.get("region_name"));
                case "township" -> regions.townships.put(r.get("region_code"),
                        new Township(r.get("region_code"), r.get("region_name"), r.get("county_code")));
                default -> {
                }
            }
        }
        for (CSVRecord r : records) {
            String province = r.get("region_code").substring(0, 2);
            if (r.get("level").equals("village") && (province.equals("22") || province.equals("14") || province.equals("35"))) {
                regions.addVillageEntry(r.get("region_code"), r.get("region_name"), r.get("parent_code"), r.get("county_code"));
            }
        }
        regions.villages.values().forEach(list -> list.sort(Comparator.comparing(Village::code)));
        return regions;
    }

    private void addVillageEntry(String code, String name, String townshipCode, String countyCode) {
        allEntries.computeIfAbsent(countyCode, k -> new ArrayList<>()).add(new String[] {code, name});
        boolean village = (name.endsWith("村委会") || name.endsWith("村"))
                && !name.contains("社区") && !name.contains("居委会");
        if (village) {
            Township t = townships.get(townshipCode);
            villages.computeIfAbsent(countyCode, k -> new ArrayList<>())
                    .add(new Village(code, name, townshipCode, t.name(), countyCode));
        }
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    String countyName(String countyCode) {
        return countyNames.get(countyCode);
    }

    /** The county's townships that have at least one administrative village, by code. */
    List<Township> ruralTownships(String countyCode) {
        var codes = villagesOf(countyCode).stream().map(Village::townshipCode).collect(Collectors.toSet());
        return townships.values().stream().filter(t -> codes.contains(t.code())).toList();
    }

    /** All administrative villages of a county, by code. */
    List<Village> villagesOf(String countyCode) {
        return villages.getOrDefault(countyCode, List.of());
    }

    /** {@code n} distinct villages of the county, chosen by {@code rnd}, returned in code order. */
    List<Village> pick(String countyCode, int n, Random rnd) {
        return pick(countyCode, n, rnd, v -> true);
    }

    /**
     * {@code n} distinct villages whose short and full names are unique within the county, so that a
     * return giving only the village name still identifies them.
     */
    List<Village> pickUniquelyNamed(String countyCode, int n, Random rnd) {
        Map<String, Long> nameCounts = new HashMap<>();
        for (String[] entry : allEntries.getOrDefault(countyCode, List.of())) {
            String full = entry[1];
            String shortName = full.endsWith("村委会") ? full.substring(0, full.length() - 2) : full;
            nameCounts.merge(full, 1L, Long::sum);
            if (!shortName.equals(full)) {
                nameCounts.merge(shortName, 1L, Long::sum);
            }
        }
        return pick(countyCode, n, rnd,
                v -> nameCounts.get(v.name()) == 1 && nameCounts.get(v.shortName()) == 1);
    }

    private List<Village> pick(String countyCode, int n, Random rnd, Predicate<Village> allowed) {
        List<Village> pool = new ArrayList<>(villagesOf(countyCode).stream().filter(allowed).toList());
        if (pool.size() < n) {
            throw new IllegalStateException(countyCode + " has only " + pool.size() + " villages, need " + n);
        }
        Collections.shuffle(pool, rnd);
        List<Village> picked = new ArrayList<>(pool.subList(0, n));
        picked.sort(Comparator.comparing(Village::code));
        return picked;
    }
}
