package org.ruralstat.reference;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the CSV files of {@code seeds/}: UTF-8, a header row, one record a line. */
public final class Seeds {

    private Seeds() {
    }

    public static List<Map<String, String>> rows(InputStream csv) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>(record.toMap());
                row.replaceAll((k, v) -> v == null ? "" : v.trim());
                rows.add(row);
            }
        }
        return rows;
    }

    public static List<Region> regions(InputStream csv) throws IOException {
        List<Region> regions = new ArrayList<>(130_000);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            for (CSVRecord r : parser) {
                regions.add(new Region(r.get("region_code"), r.get("region_name"), r.get("level"), r.get("parent_code"),
                        r.get("county_code"), r.get("prefecture_code"), r.get("province_code")));
            }
        }
        return regions;
    }
}
