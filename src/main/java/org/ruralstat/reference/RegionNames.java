package org.ruralstat.reference;

import org.ruralstat.text.TextNormalizer;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a region is called by: its official name, the village form without 委会 (`笠峰村委会` is
 * `笠峰村`), and a short form without the level suffix (`汪清` for 汪清县, `延边` for 延边朝鲜族自治州 and 延边州).
 */
final class RegionNames {

    private static final Pattern COMMITTEE = Pattern.compile("(村|社区|居)(民委员会|委会|委员会)$");
    private static final Pattern AUTONOMOUS = Pattern.compile("^(.{2,}?)(?:\\p{IsHan}{1,4}族)+自治(?:州|县|旗|区)$");
    private static final String[] SUFFIXES = {
            "街道办事处", "社区居委会", "居委会", "村民委员会", "村委会", "经济开发区", "开发区", "特区", "林区", "新区",
            "地区", "街道", "社区", "自治州", "自治县", "自治旗", "自治区", "省", "盟", "州", "市", "县", "区", "旗", "镇", "乡", "村"};

    private RegionNames() {
    }

    /** Full-name keys: the official name and its village form. */
    static Set<String> fullKeys(String name) {
        Set<String> keys = new LinkedHashSet<>();
        String key = TextNormalizer.matchKey(name);
        keys.add(key);
        String village = withoutCommittee(key);
        keys.add(village);
        return keys;
    }

    /** The short form of a name, or the name itself when it has no suffix to drop or would become one character. */
    static String shortKey(String name) {
        String key = withoutCommittee(TextNormalizer.matchKey(name));
        if (key.contains("自治")) {
            var autonomous = AUTONOMOUS.matcher(key);
            if (autonomous.matches()) {
                return autonomous.group(1);
            }
        }
        for (String suffix : SUFFIXES) {
            if (key.endsWith(suffix) && key.length() - suffix.length() >= 2) {
                return key.substring(0, key.length() - suffix.length());
            }
        }
        return key;
    }

    /** 笠峰村委会 → 笠峰村; a key not ending in 会 is returned without running the pattern. */
    private static String withoutCommittee(String key) {
        return key.endsWith("会") ? COMMITTEE.matcher(key).replaceFirst("$1") : key;
    }
}
