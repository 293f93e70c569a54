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
        assertThat(TraditionalCharacters.changing(ICU.toRules(false))).isNotNull();
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
