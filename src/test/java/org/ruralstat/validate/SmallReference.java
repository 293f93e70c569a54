package org.ruralstat.validate;

import org.ruralstat.normalize.CadreKeyHasher;
import org.ruralstat.read.LayoutDetector;
import org.ruralstat.read.RepositoryLayouts;
import org.ruralstat.reference.CodeListCatalog;
import org.ruralstat.reference.ReferenceData;
import org.ruralstat.reference.Region;
import org.ruralstat.reference.RegionDirectory;
import org.ruralstat.reference.Seeds;
import org.ruralstat.reference.UnitCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A dozen real regions of 安图县 (Jilin, Yanbian) with the repository's own units, code lists and rules: enough for
 * the row rules to be checked in milliseconds, without Spring and without indexing the 121,504 regions.
 */
final class SmallReference {

    static final String COUNTY = "222426";

    private SmallReference() {
    }

    static ReferenceData reference() throws IOException {
        List<Region> regions = List.of(
                new Region("220000", "吉林省", "province", null, null, null, "220000"),
                new Region("222400", "延边朝鲜族自治州", "prefecture", "220000", null, "222400", "220000"),
                new Region(COUNTY, "安图县", "county", "222400", COUNTY, "222400", "220000"),
                new Region("222426001", "长兴街道", "township", COUNTY, COUNTY, "222400", "220000"),
                new Region("222426001001", "吐月社区", "village", "222426001", COUNTY, "222400", "220000"),
                new Region("222426001002", "兴华社区", "village", "222426001", COUNTY, "222400", "220000"),
                new Region("222426102", "明月镇", "township", COUNTY, COUNTY, "222400", "220000"),
                new Region("222426102201", "新屯子村", "village", "222426102", COUNTY, "222400", "220000"),
                new Region("222426102202", "福兴村", "village", "222426102", COUNTY, "222400", "220000"),
                new Region("222426103", "松江镇", "township", COUNTY, COUNTY, "222400", "220000"),
                new Region("222426103201", "福兴村", "village", "222426103", COUNTY, "222400", "220000"),
                new Region("222401", "延吉市", "county", "222400", "222401", "222400", "220000"),
                new Region("222401100", "依兰镇", "township", "222401", "222401", "222400", "220000"),
                new Region("222401100201", "东明村", "village", "222401100", "222401", "222400", "220000"));
        return new ReferenceData(new RegionDirectory(regions), new UnitCatalog(seed("units.csv")),
                new CodeListCatalog(seed("codelists.csv")), column("indicators.csv", "indicator_code", "unit"),
                grouped("project_units.csv", "project_type", "canonical_unit"),
                grouped("indicator_units.csv", "indicator_code", "unit"));
    }

    static RuleCatalog rules() throws IOException {
        RuleCatalog rules = new RuleCatalog();
        try (var files = Files.list(Path.of("jobs"))) {
            for (Path yaml : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                rules.addAll(yaml.toString(), Files.newInputStream(yaml));
            }
        }
        return rules;
    }

    static LayoutDetector detector() throws IOException {
        return RepositoryLayouts.detector();
    }

    static CadreKeyHasher hasher() {
        return new CadreKeyHasher("a-test-secret-of-thirty-two-bytes!!".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Map<String, String> column(String seed, String key, String value) throws IOException {
        Map<String, String> values = new HashMap<>();
        seed(seed).forEach(row -> values.put(row.get(key), row.get(value)));
        return values;
    }

    private static Map<String, Set<String>> grouped(String seed, String key, String value) throws IOException {
        Map<String, Set<String>> values = new HashMap<>();
        seed(seed).forEach(row -> values.computeIfAbsent(row.get(key), k -> new TreeSet<>()).add(row.get(value)));
        return values;
    }

    private static List<Map<String, String>> seed(String name) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("seeds", name))) {
            return Seeds.rows(in);
        }
    }
}
