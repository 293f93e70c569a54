package org.ruralstat.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the committed {@code seeds/regions.csv} (built by {@link RegionSeedBuilder}). */
class RegionSeedsTests {

    private static final Path REGIONS = Path.of("seeds/regions.csv");
    private static final String HEADER =
            "region_code,region_name,level,parent_code,county_code,prefecture_code,province_code";
    private static final Map<String, Integer> CODE_LENGTH = Map.of(
            "province", 6, "prefecture", 6, "county", 6, "township", 9, "village", 12);

    record Row(String code, String name, String level, String parent,
               String county, String prefecture, String province) {
    }

    private static Map<String, Row> byCode;

    @BeforeAll
    static void load() throws IOException {
        assertTrue(Files.isRegularFile(REGIONS), "missing " + REGIONS.toAbsolutePath());
        byte[] bytes = Files.readAllBytes(REGIONS);
        assertFalse(bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF, "regions.csv must not start with a BOM");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), "regions.csv must use LF line ends");

        List<List<String>> records = parse(text);
        assertEquals(HEADER, String.join(",", records.get(0)));
        byCode = new LinkedHashMap<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> f = records.get(i);
            assertEquals(7, f.size(), "record " + i + " has " + f.size() + " fields");
            Row row = new Row(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6));
            assertTrue(byCode.put(row.code(), row) == null, "duplicate code " + row.code());
        }
    }

    @Test
    void hasMoreThan40000Rows() {
        assertTrue(byCode.size() > 40_000, "only " + byCode.size() + " rows");
    }

    @Test
    void yanjiIsACountyInYanbian() {
        Row yanji = row("222401");
        assertEquals("延吉市", yanji.name());
        assertEquals("county", yanji.level());
        assertEquals("222400", yanji.parent());
        assertEquals("222401", yanji.county());
        assertEquals("222400", yanji.prefecture());
        assertEquals("220000", yanji.province());
        assertEquals("prefecture", row("222400").level());
        assertEquals("province", row("220000").level());
    }

    @Test
    void yanbianCountyLevelCodesArePresent() {
        for (String code : List.of("222401", "222402", "222403", "222404", "222405", "222406",
                "222424", "222426")) {
            Row r = row(code);
            assertEquals("county", r.level(), code);
            assertEquals("222400", r.prefecture(), code);
            assertEquals("220000", r.province(), code);
        }
    }

    @Test
    void zezhouAndFudingArePresent() {
        Row zezhou = row("140525");
        assertEquals("泽州县", zezhou.name());
        assertEquals("county", zezhou.level());
        assertEquals("140500", zezhou.prefecture());
        Row fuding = row("350982");
        assertEquals("福鼎市", fuding.name());
        assertEquals("county", fuding.level());
        assertEquals("350900", fuding.prefecture());
    }

    @Test
    void everyParentExists() {
        for (Row r : byCode.values()) {
            if (r.level().equals("province")) {
                assertEquals("", r.parent(), "province " + r.code() + " must have no parent");
                continue;
            }
            assertFalse(r.parent().isEmpty(), "no parent for " + r.code());
            assertNotNull(byCode.get(r.parent()), "parent " + r.parent() + " of " + r.code() + " missing");
            assertNotNull(byCode.get(r.province()), "province " + r.province() + " of " + r.code() + " missing");
        }
    }

    @Test
    void villagesHaveTwelveDigitCodesAndTownshipParents() {
        int villages = 0;
        for (Row r : byCode.values()) {
            if (!r.level().equals("village")) {
                continue;
            }
            villages++;
            assertTrue(r.code().matches("\\d{12}"), "village code " + r.code());
            Row parent = byCode.get(r.parent());
            assertNotNull(parent, "parent of village " + r.code());
            assertEquals("township", parent.level(), "parent of village " + r.code());
            assertTrue(r.code().startsWith(r.parent()), "village " + r.code() + " under " + r.parent());
        }
        assertTrue(villages > 0, "no villages");
    }

    @Test
    void codesAreDigitsOfTheLengthOfTheirLevel() {
        for (Row r : byCode.values()) {
            Integer length = CODE_LENGTH.get(r.level());
            if (length == null) {
                fail("unknown level '" + r.level() + "' for " + r.code());
            }
            assertTrue(r.code().matches("\\d{" + length + "}"),
                    r.level() + " code '" + r.code() + "' must be " + length + " digits");
            if (length == 6 && !r.level().equals("county")) {
                assertTrue(r.code().endsWith("00"), r.level() + " code " + r.code() + " must end in 00");
            }
            assertFalse(r.name().isBlank(), "blank name for " + r.code());
        }
    }

    private static Row row(String code) {
        Row r = byCode.get(code);
        assertNotNull(r, "missing region " + code);
        return r;
    }

    /** Minimal RFC 4180 reader (quoted fields may contain commas, quotes and line breaks). */
    private static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
