package org.ruralstat.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The counties of Jilin, Shanxi, Fujian and Zhejiang with their administrative villages, from
 * {@code seeds/regions.csv}, picked the same way on every run. Villages whose names GBK cannot encode
 * are left out, so that any return can be written as a GBK CSV.
 */
final class BenchRegions {

    /** Provinces whose villages are in the seeds. */
    static final List<String> PROVINCES = List.of("22", "14", "35", "33");
    /** A county qualifies for the province drop when it has at least this many villages. */
    static final int MIN_VILLAGES = 100;

    /** One administrative village (村委会 or 村, never a 社区). */
    record Village(String code, String name, String townshipName) {

        /** The name as bureaus usually write it: 笠峰村 for 笠峰村委会. */
        String shortName() {
            return name.endsWith("村委会") ? name.substring(0, name.length() - 2) : name;
        }
    }

    /** One county with its villages in code order. */
    record County(String code, String name, List<Village> villages) {
    }

    private final Map<String, County> counties;
    /** Names of every region of the seeds, by code. */
    private final Map<String, String> names;

    private BenchRegions(Map<String, County> counties, Map<String, String> names) {
        this.counties = counties;
        this.names = names;
    }

    static BenchRegions load(Path regionsCsv) throws IOException {
        return load(regionsCsv, PROVINCES::contains);
    }

    /** Every county of every province that has villages: the national night. */
    static BenchRegions loadNational(Path regionsCsv) throws IOException {
        BenchRegions withVillages = load(regionsCsv, province -> true);
        Map<String, County> counties = new TreeMap<>(withVillages.counties);
        var gbk = Charset.forName("GBK").newEncoder();
        try (Reader in = Files.newBufferedReader(regionsCsv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String code = r.get("region_code");
                String name = r.get("region_name");
                if (r.get("level").equals("county") && !counties.containsKey(code) && gbk.canEncode(name)) {
                    // the seeds list no villages here: the county reports its own figures, one row per indicator
                    counties.put(code, new County(code, name, List.of(new Village(code, name, ""))));
                }
            }
        }
        return new BenchRegions(counties, withVillages.names);
    }

    /** Every county with villages, in code order. */
    List<County> all() {
        return List.copyOf(counties.values());
    }

    private static BenchRegions load(Path regionsCsv, java.util.function.Predicate<String> province) throws IOException {
        Map<String, String> names = new HashMap<>();
        Map<String, List<Village>> villages = new TreeMap<>();
        var gbk = Charset.forName("GBK").newEncoder();
        try (Reader in = Files.newBufferedReader(regionsCsv, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(in).getRecords();
            for (CSVRecord r : records) {
                names.put(r.get("region_code"), r.get("region_name"));
            }
            for (CSVRecord r : records) {
                String code = r.get("region_code");
                String name = r.get("region_name");
                String township = names.get(r.get("parent_code"));
                if (code.length() == 12 && province.test(code.substring(0, 2)) && isVillage(name)
                        && gbk.canEncode(name) && gbk.canEncode(township)) {
                    villages.computeIfAbsent(r.get("county_code"), k -> new ArrayList<>())
                            .add(new Village(code, name, township));
                }
            }
        }
        Map<String, County> counties = new TreeMap<>();
        villages.forEach((code, list) -> {
            list.sort(Comparator.comparing(Village::code));
            counties.put(code, new County(code, names.get(code), List.copyOf(list)));
        });
        return new BenchRegions(counties, Map.copyOf(names));
    }

    private static boolean isVillage(String name) {
        return (name.endsWith("村委会") || name.endsWith("村")) && !name.contains("社区") && !name.contains("居委会");
    }

    /**
     * {@code n} counties with at least {@link #MIN_VILLAGES} villages, spread evenly over the four provinces
     * and, within a province, evenly over its qualifying counties in code order.
     */
    List<County> spread(int n) {
        List<County> picked = new ArrayList<>();
        for (int p = 0; p < PROVINCES.size(); p++) {
            String province = PROVINCES.get(p);
            List<County> pool = counties.values().stream()
                    .filter(c -> c.code().startsWith(province) && c.villages().size() >= MIN_VILLAGES).toList();
            int wanted = n / PROVINCES.size() + (p < n % PROVINCES.size() ? 1 : 0);
            if (wanted > pool.size()) {
                throw new IllegalStateException(province + " has only " + pool.size() + " counties with "
                        + MIN_VILLAGES + " villages, need " + wanted);
            }
            for (int i = 0; i < wanted; i++) {
                picked.add(pool.get((int) ((long) i * pool.size() / wanted)));
            }
        }
        return picked;
    }

    /**
     * The smallest region around {@code county} with at least {@code villages} villages: the county itself, else its
     * prefecture, else its province, as a submitter reporting for all the villages below it (the contract lets a
     * prefecture or province submit for all below it). Its villages are in code order.
     */
    County enclosing(County county, int villages) {
        if (county.villages().size() >= villages) {
            return county;
        }
        for (String code : List.of(county.code().substring(0, 4) + "00", county.code().substring(0, 2) + "0000")) {
            List<Village> below = counties.values().stream().filter(c -> c.code().startsWith(prefix(code)))
                    .flatMap(c -> c.villages().stream()).toList();
            if (below.size() >= villages) {
                return new County(code, names.get(code), below);
            }
        }
        throw new IllegalArgumentException("the province of " + county.code() + " has fewer than " + villages + " villages");
    }

    private static String prefix(String code) {
        return code.endsWith("0000") ? code.substring(0, 2) : code.substring(0, 4);
    }

    /** The county with the most villages, for the single large returns. */
    County largest() {
        return counties.values().stream().max(Comparator.comparingInt((County c) -> c.villages().size())
                .thenComparing(County::code, Comparator.reverseOrder())).orElseThrow();
    }
}
