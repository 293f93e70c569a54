package org.ruralstat.reference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CodeListCatalogTests {

    private static CodeListCatalog codeLists;

    @BeforeAll
    static void loadSeeds() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("seeds/codelists.csv"))) {
            codeLists = new CodeListCatalog(Seeds.rows(in));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "中央|central",
            "中直单位|central",
            "省级|provincial",
            "省直|provincial",
            "市（州）|prefecture",
            "市(州)级|prefecture",
            "市州|prefecture",
            "州直|prefecture",
            "州|prefecture",
            "县|county",
            "县级|county",
            "县（市、区）|county",
            "縣級|county",
            "乡镇|township",
            "乡（镇）|township",
            "鄉鎮級|township",
            "county|county"})
    void mapsWrittenDispatchLevelsToCodes(String written, String code) {
        assertThat(codeLists.find("dispatch_level", written)).contains(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "第一书记|first_secretary",
            "第一書記|first_secretary",
            "驻村第一书记|first_secretary",
            "First Secretary|first_secretary",
            "工作隊員|team_member",
            "队员|team_member",
            "队长|team_leader",
            "工作隊長|team_leader"})
    void mapsWrittenRolesToCodes(String written, String code) {
        assertThat(codeLists.find("role", written)).contains(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "三格式化粪池|septic_tank",
            "一体化设备|treatment_unit",
            "改厕|toilet_renovation",
            "污水管网|sewage_pipe",
            "排水管道|sewage_pipe",
            "垃圾清运|waste_collection",
            "路面恢复|road_restoration"})
    void mapsWrittenProjectTypesToCodes(String written, String code) {
        assertThat(codeLists.find("project_type", written)).contains(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yes_no|是|true",
            "yes_no|否|false",
            "yes_no|√|true",
            "yes_no|×|false",
            "yes_no|Y|true",
            "gender|男|male",
            "gender|女性|female",
            "project_status|已竣工|completed",
            "project_status|在建|in_progress"})
    void mapsOtherCodeLists(String list, String written, String code) {
        assertThat(codeLists.find(list, written)).contains(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "role|村主任",
            "dispatch_level|外省",
            "yes_no|不确定",
            "project_type|绿化",
            "gender|''"})
    void findsNothingForAValueTheListDoesNotKnow(String list, String written) {
        assertThat(codeLists.find(list, written)).isEmpty();
    }

    @Test
    void refusesALookupInAnUnknownList() {
        assertThatIllegalArgumentException().isThrownBy(() -> codeLists.find("no_such_list", "是"));
        assertThat(codeLists.hasList("no_such_list")).isFalse();
        assertThat(codeLists.hasList("role")).isTrue();
    }

    @Test
    void namesListTheChineseNamesOfACodeList() {
        assertThat(codeLists.names("dispatch_level")).containsExactlyInAnyOrder("中央", "省级", "市（州）级", "县级", "乡镇级");
        assertThat(codeLists.names("role")).containsExactlyInAnyOrder("第一书记", "工作队长", "工作队员");
        assertThat(codeLists.names("no_such_list")).isEmpty();
    }
}
