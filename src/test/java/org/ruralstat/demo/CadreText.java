package org.ruralstat.demo;

import java.time.LocalDate;
import java.util.Random;

import org.ruralstat.demo.CadrePostings.Posting;

/** How bureaus write the codes, dates and village names in a cadre return. */
final class CadreText {

    /** How bureaus write the five dispatch levels, one style per array. */
    static final String[] LEVELS_STANDARD = {"中央", "省级", "市（州）级", "县级", "乡镇级"};
    static final String[] LEVELS_SHORT = {"中央单位", "省直", "州直", "县直", "乡镇"};
    static final String[] LEVELS_PLAIN = {"中央", "省", "州", "县", "乡镇"};
    static final String[] LEVELS_PREFECTURE_CITY = {"中央", "省级", "市级", "县级", "乡镇级"};
    static final String[] LEVELS_TRADITIONAL = {"中央", "省級", "州級", "縣級", "鄉鎮級"};
    /** How bureaus write the three roles. */
    static final String[] ROLES_STANDARD = {"第一书记", "工作队长", "工作队员"};
    static final String[] ROLES_LONG = {"驻村第一书记", "驻村工作队长", "驻村工作队员"};
    static final String[] ROLES_SHORT = {"第一书记", "队长", "队员"};
    static final String[] ROLES_TRADITIONAL = {"第一書記", "工作隊長", "工作隊員"};

    private CadreText() {
    }

    /**
     * Usually the short name (笠峰村); for about one village in six the full official name (笠峰村委会),
     * written the same way on every row of that village.
     */
    static String villageName(Posting p) {
        Random byVillage = DemoDropGenerator.random("village-name-" + p.village().code());
        return byVillage.nextInt(6) == 0 ? p.village().name() : p.village().shortName();
    }

    static String yesNo(boolean yes) {
        return yes ? "是" : "否";
    }

    static String dotMonth(LocalDate date) {
        return String.format("%d.%02d", date.getYear(), date.getMonthValue());
    }

    static String chineseMonth(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月";
    }
}
