package org.ruralstat.text;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TraditionalCharactersTests {

    private static final Transliterator ICU = Transliterator.getInstance("Traditional-Simplified");
    private static final TraditionalCharacters CHARACTERS = new TraditionalCharacters(ICU);

    @Test
    void readsEveryRuleOfTheBundledTransliteration() {
        java.util.BitSet changing = TraditionalCharacters.changing(ICU.toRules(false));
        assertThat(changing).isNotNull();
        // the traditional forms of the glossary's words change; their simplified forms and plain ASCII do not
        for (char c : "駐幹書記張頭後臺灣鄉鎮縣區".toCharArray()) {
            assertThat(changing.get(c)).as("%s", c).isTrue();
        }
        for (char c : "驻干书记张头后台湾乡镇县区村部一A1".toCharArray()) {
            assertThat(changing.get(c)).as("%s", c).isFalse();
        }
        // ICU's table has some thousands of one-character rules: far more than a handful, far fewer than all CJK
        assertThat(changing.cardinality()).isBetween(2_000, 6_000);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "駐村幹部,驻村干部", "第一書記,第一书记", "張三,张三", "頭髮,头发", "後來,后来", "臺灣,台湾",
            "延邊朝鮮族自治州,延边朝鲜族自治州", "鄉鎮,乡镇", "驻村第一书记,驻村第一书记", "沈阳,沈阳", "山西省,山西省",
            "脫貧人口人均純收入,脱贫人口人均纯收入", "村集體經濟收入（萬元）,村集体经济收入（万元）"})
    void turnsTraditionalWordsOfTheReturnsIntoSimplifiedOnes(String traditional, String simplified) {
        assertThat(CHARACTERS.toSimplified(traditional)).isEqualTo(simplified);
    }

    @Test
    void everyCharacterNoRuleChangesStaysAsItIs() {
        for (char c = 0x2E80; c < 0xD800; c++) {
            String text = String.valueOf(c);
            if (!CHARACTERS.mayChange(text)) {
                assertThat(ICU.transliterate(text)).as("U+%04X", (int) c).isEqualTo(text);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"驻村干部", "駐村幹部", "第一書記", "沈默", "低沈", "沈阳", "于飛", "于思", "生薑", "下崙", "崑山",
            "乾隆", "乾部", "山嶽", "五嶽", "石沈大海", "山西南北石中五", "頭髮", "後來", "裏面", "臺灣", "凤城镇西关社区居民委员会", "張三", "𠀀", "a𠀀"})
    void textNoRuleChangesComesOutAsItWentIn(String text) {
        if (!CHARACTERS.mayChange(text)) {
            assertThat(ICU.transliterate(text)).isEqualTo(text);
        }
        assertThat(CHARACTERS.toSimplified(text)).isEqualTo(ICU.transliterate(text));
    }

    @Test
    void findsPhrasesWhoseCharactersStayAlone() {
        assertThat(CHARACTERS.mayChange("沈默")).isTrue();
        assertThat(CHARACTERS.mayChange("第一書記")).isTrue();
        assertThat(CHARACTERS.mayChange("驻村第一书记")).isFalse();
        assertThat(CHARACTERS.mayChange("山嶽")).isTrue();
        assertThat(CHARACTERS.mayChange("山西省")).isFalse();
    }

    @Test
    void regionNamesThatNoRuleChangesStayAsTheyAre() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("seeds/regions.csv"));
        for (int i = 1; i < lines.size(); i += 7) {
            String name = lines.get(i).split(",")[1];
            if (!CHARACTERS.mayChange(name)) {
                assertThat(ICU.transliterate(name)).isEqualTo(name);
            }
        }
    }

    @Test
    void refusesRulesItCannotRead() {
        assertThat(TraditionalCharacters.changing("a {b} > c;\n")).isNull();
        assertThat(TraditionalCharacters.changing("::NFD;\n")).isNull();
    }
}
