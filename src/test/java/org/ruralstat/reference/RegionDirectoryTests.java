package org.ruralstat.reference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Resolution against the real {@code seeds/regions.csv}, loaded once. */
class RegionDirectoryTests {

    private static RegionDirectory regions;

    @BeforeAll
    static void loadSeeds() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("seeds/regions.csv"))) {
            regions = new RegionDirectory(Seeds.regions(in));
        }
    }

    private static RegionMatch byCode(String code, String level, String submitter) {
        return regions.resolve(code, null, null, level, submitter);
    }

    private static RegionMatch byName(String name, String parent, String level, String submitter) {
        return regions.resolve(null, name, parent, level, submitter);
    }

    @Test
    void holdsEveryRowOfTheSeed() {
        assertThat(regions.size()).isEqualTo(121_504);
    }

    @ParameterizedTest
    @CsvSource({
            "222402100200, village, 笠峰村委会, 222402100",
            "222402100, township, 月晴镇, 222402",
            "222402, county, 图们市, 222400",
            "222400, prefecture, 延边朝鲜族自治州, 220000",
            "220000, province, 吉林省, ''"})
    void findsARegionByCode(String code, String level, String name, String parent) {
        Region region = regions.byCode(code).orElseThrow();
        assertThat(region.level()).isEqualTo(level);
        assertThat(region.name()).isEqualTo(name);
        assertThat(region.parentCode()).isEqualTo(parent);
    }

    @ParameterizedTest
    @CsvSource({
            "222402100200, village, 222402",
            "222402100200, village, 222400",
            "222402100200, village, 220000",
            "222402100200, any, 222402",
            "' 222402100200 ', village, 222402",
            "222402100200.0, village, 222402",
            "222402100, township, 222402",
            "222402, county, 222400"})
    void resolvesAWrittenCodeOfTheRightLevelInsideTheJurisdiction(String code, String level, String submitter) {
        RegionMatch match = byCode(code, level, submitter);
        assertThat(match.outcome()).isEqualTo(RegionMatch.Outcome.FOUND);
        assertThat(match.region().code()).isEqualTo(code.trim().replace(".0", ""));
    }

    @ParameterizedTest
    @CsvSource({
            "222402, village",
            "222402100, village",
            "222402100200, county",
            "222402100200, township"})
    void reportsACodeOfTheWrongLevel(String code, String level) {
        RegionMatch match = byCode(code, level, "222402");
        assertThat(match.outcome()).isEqualTo(RegionMatch.Outcome.WRONG_LEVEL);
        assertThat(match.isFound()).isFalse();
        assertThat(match.candidates()).extracting(Region::code).containsExactly(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.22402E11", "2.224021002E+11", "2.22402e11"})
    void reportsACodeExcelTurnedIntoScientificNotationAsLostDigits(String code) {
        assertThat(byCode(code, "village", "222402").outcome()).isEqualTo(RegionMatch.Outcome.LOST_DIGITS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999999", "222402999999", "22240210020"})
    void reportsAnUnknownCodeAsNotFound(String code) {
        RegionMatch match = byCode(code, "village", "222402");
        assertThat(match.outcome()).isEqualTo(RegionMatch.Outcome.NOT_FOUND);
        assertThat(match.candidates()).isEmpty();
    }

    @Test
    void reportsACodeOfAnotherCountyAsOutsideTheJurisdiction() {
        RegionMatch match = byCode("222401100200", "village", "222402");
        assertThat(match.outcome()).isEqualTo(RegionMatch.Outcome.OUTSIDE_JURISDICTION);
        assertThat(match.candidates()).extracting(Region::code).containsExactly("222401100200");
    }

    @ParameterizedTest
    @CsvSource({
            "笠峰村, village, 222402, 222402100200",
            "笠峰村委会, village, 222402, 222402100200",
            "笠峰, village, 222402, 222402100200",
            "笠峰村, village, 222400, 222402100200",
            "笠峰村, any, 222402, 222402100200",
            "月晴镇, township, 222402, 222402100",
            "小营村, village, 222401, 222401100200"})
    void resolvesAVillageOrTownshipByNameInsideTheSubmittersCounty(String name, String level, String submitter, String code) {
        RegionMatch match = byName(name, null, level, submitter);
        assertThat(match.outcome()).isEqualTo(RegionMatch.Outcome.FOUND);
        assertThat(match.region().code()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({
            "汪清, county, 222400, 222424",
            "汪清, county, 220000, 222424",
            "汪清县, any, 220000, 222424",
            "延边州, any, 222400, 222400",
            "延边州, any, 220000, 222400",
            "延边朝鲜族自治州, any, 220000, 222400",
            "延边, any, 220000, 222400",
            "安图, any, 222400, 222426",
            "图们, any, 222400, 222402"})
    void resolvesShortFormsOfCountyAndPrefectureNames(String name, String level, String submitter, String code) {
        RegionMatch match = byName(name, null, level, submitter);
        assertThat(match.outcome()).isEqualTo(RegionMatch.Outcome.FOUND);
        assertThat(match.region().code()).isEqualTo(code);
    }

    /**
     * Income and employment resolve at level "any". A prefecture's table that writes 汪清 for 汪清县 must
     * not be rejected because a town (汪清镇) and a village (汪清村委会) share the short form.
     */
    @ParameterizedTest
    @ValueSource(strings = {"222400", "220000"})
    void prefersTheHighestLevelWhenAShortFormAlsoNamesTownsAndVillages(String submitter) {
        RegionMatch match = byName("汪清", null, "any", submitter);
        assertThat(match.outcome()).isEqualTo(RegionMatch.Outcome.FOUND);
        assertThat(match.region().code()).isEqualTo("222424");
    }

    @ParameterizedTest
    @CsvSource({
            "新集村, 额穆镇, 222403, 222403105213",
            "新集村, 黑石乡, 222403, 222403201207",
            "新集村, 额穆镇, 222400, 222403105213",
            "河北村, 大兴沟镇, 222424, 222424101203",
            "河北村, 大兴沟, 222424, 222424101203",
            "河北村, 大興溝鎮, 222424, 222424101203"})
    void narrowsAVillageNameThatOccursTwiceInACountyByItsTownship(String village, String township, String submitter,
                                                                  String code) {
        RegionMatch match = byName(village, township, "village", submitter);
        assertThat(match.outcome()).isEqualTo(RegionMatch.Outcome.FOUND);
        assertThat(match.region().code()).isEqualTo(code);
    }

    /** 汪清镇 is the seat of 汪清县: its short form 汪清 must not also select the villages of every other town in the county. */
    @Test
    void narrowsByTheTownshipEvenWhenItSharesItsShortFormWithTheCounty() {
        RegionMatch match = byName("河北村", "汪清镇", "village", "222424");
        assertThat(match.outcome()).isEqualTo(RegionMatch.Outcome.FOUND);
        assertThat(match.region().code()).isEqualTo("222424100203");
    }

    @ParameterizedTest
    @CsvSource({
            "新集村, '', 222403, 222403105213;222403201207",
            "河北村, '', 222424, 222424100203;222424101203",
            "河北村, 不存在镇, 222424, 222424100203;222424101203"})
    void listsTheCandidatesOfAnAmbiguousName(String name, String parent, String submitter, String codes) {
        RegionMatch match = byName(name, parent, "village", submitter);
        assertThat(match.outcome()).isEqualTo(RegionMatch.Outcome.AMBIGUOUS);
        assertThat(match.region()).isNull();
        assertThat(match.candidates()).extracting(Region::code).containsExactly(codes.split(";"));
    }

    @Test
    void reportsAVillageOfAnotherCountyAsOutsideTheJurisdiction() {
        RegionMatch match = byName("笠峰村", null, "village", "222401");
        assertThat(match.outcome()).isEqualTo(RegionMatch.Outcome.OUTSIDE_JURISDICTION);
        assertThat(match.candidates()).extracting(Region::code).containsExactly("222402100200");
    }

    @Test
    void reportsACountyOutsideTheSubmittersCountyAsOutsideTheJurisdiction() {
        RegionMatch match = byName("图们市", null, "any", "222401");
        assertThat(match.outcome()).isEqualTo(RegionMatch.Outcome.OUTSIDE_JURISDICTION);
        assertThat(match.candidates()).extracting(Region::code).containsExactly("222402");
    }

    @Test
    void listsAtMostFiveCandidatesOutsideTheJurisdiction() {
        // 河北村 names villages in five counties of Yanbian alone and many more in Shanxi and Jilin, none in Yanji.
        RegionMatch elsewhere = byName("河北村", null, "village", "222401");
        assertThat(elsewhere.outcome()).isEqualTo(RegionMatch.Outcome.OUTSIDE_JURISDICTION);
        assertThat(elsewhere.candidates()).hasSize(5).allSatisfy(r -> assertThat(r.name()).startsWith("河北村"));
    }

    @ParameterizedTest
    @CsvSource({
            "不存在村, village",
            "不存在镇, township",
            "'', village"})
    void reportsAnUnknownNameAsNotFound(String name, String level) {
        assertThat(byName(name, null, level, "222402").outcome()).isEqualTo(RegionMatch.Outcome.NOT_FOUND);
    }

    @Test
    void reportsNeitherCodeNorNameAsNotFound() {
        assertThat(regions.resolve("", "", null, "village", "222402").outcome()).isEqualTo(RegionMatch.Outcome.NOT_FOUND);
        assertThat(regions.resolve(null, null, null, "village", "222402").outcome()).isEqualTo(RegionMatch.Outcome.NOT_FOUND);
    }

    @Test
    void aWrittenCodeWinsOverAName() {
        RegionMatch match = regions.resolve("222402100200", "小营村", null, "village", "222400");
        assertThat(match.region().code()).isEqualTo("222402100200");
    }

    @Test
    void listsTheAncestorsNearestFirst() {
        assertThat(regions.ancestors(regions.byCode("222402100200").orElseThrow())).extracting(Region::code)
                .containsExactly("222402100", "222402", "222400", "220000");
    }

    @Test
    void describesAVillageWithItsCountyAndTownship() {
        assertThat(regions.describe(regions.byCode("222402100200").orElseThrow())).isEqualTo("图们市月晴镇笠峰村委会（222402100200）");
    }

    @ParameterizedTest
    @CsvSource({
            "222402, true",
            "222400, true",
            "220000, true",
            "222401, false",
            "140000, false"})
    void aRegionIsWithinTheJurisdictionsThatContainIt(String submitter, boolean within) {
        assertThat(regions.byCode("222402100200").orElseThrow().isWithin(submitter)).isEqualTo(within);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "222402100200, -, -, village, 222402",
            "222402100200, -, -, village, 350000",
            "2.224021002E11, -, -, village, 222402",
            "-, 笠峰村, 月晴镇, village, 222402",
            "-, 月晴镇笠峰村, -, village, 222402",
            "-, 汪清, -, any, 222400",
            "-, 不存在村, -, village, 222402",
            "-, 新兴村, -, village, 222400"})
    void aWritingSeenBeforeResolvesAsItDidTheFirstTime(String code, String name, String parent, String level, String submitter) {
        RegionMatch first = regions.resolve(code, name, parent, level, submitter);
        assertThat(regions.resolve(code, name, parent, level, submitter)).isSameAs(first)
                .isEqualTo(regions.resolveUncached(code, name, parent, level, submitter));
    }
}
