package org.ruralstat.normalize;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CadreKeyHasherTests {

    private static final String ID = "11010519491231002X";
    private static final byte[] SECRET = "ruralstat-test-secret-0001".getBytes(StandardCharsets.UTF_8);

    @Test
    void givesTheSameIdTheSameKey() {
        assertThat(new CadreKeyHasher(SECRET).cadreKey(ID)).isEqualTo(new CadreKeyHasher(SECRET.clone()).cadreKey(ID));
    }

    @Test
    void givesDifferentIdsDifferentKeys() {
        CadreKeyHasher hasher = new CadreKeyHasher(SECRET);
        assertThat(hasher.cadreKey(ID)).isNotEqualTo(hasher.cadreKey("222401199001011235"));
    }

    @Test
    void givesADifferentKeyUnderADifferentSecret() {
        byte[] other = "ruralstat-test-secret-0002".getBytes(StandardCharsets.UTF_8);
        assertThat(new CadreKeyHasher(SECRET).cadreKey(ID)).isNotEqualTo(new CadreKeyHasher(other).cadreKey(ID));
    }

    @Test
    void keyIs64HexCharactersAndNeverContainsTheId() {
        String key = new CadreKeyHasher(SECRET).cadreKey(ID);
        assertThat(key).matches("[0-9a-f]{64}").doesNotContain(ID).doesNotContain(ID.substring(6, 14));
    }

    @Test
    void isHmacSha256OfTheUtf8Id() {
        // RFC 4231 test case 1: key 0x0b x 20, data "Hi There".
        byte[] key = new byte[20];
        Arrays.fill(key, (byte) 0x0b);
        assertThat(new CadreKeyHasher(key).cadreKey("Hi There"))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @Test
    void keepsItsOwnCopyOfTheSecret() {
        byte[] secret = SECRET.clone();
        CadreKeyHasher hasher = new CadreKeyHasher(secret);
        String before = hasher.cadreKey(ID);
        Arrays.fill(secret, (byte) 0);
        assertThat(hasher.cadreKey(ID)).isEqualTo(before);
    }

    @Test
    void refusesASecretShorterThan16Bytes() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CadreKeyHasher(new byte[15]));
    }
}
