package org.ruralstat.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.ruralstat.text.IdNumber;

/**
 * Synthetic cadres of one county: the n-th person of a county always gets the same 18-character ID
 * number, unique within the county by construction (birth date and sequence number are a bijection of n),
 * with a correct GB 11643 check character.
 */
final class BenchPeople {

    private static final LocalDate FIRST_BIRTH = LocalDate.of(1965, 1, 1);
    private static final int BIRTH_DAYS = (int) ChronoUnit.DAYS.between(FIRST_BIRTH, LocalDate.of(1997, 1, 1));
    /** Coprime to {@link #BIRTH_DAYS}, so consecutive people are not born on consecutive days. */
    private static final long SPREAD = 7_919;
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private static final String GIVEN = "国建明华平志红军文海春英玉秀丽伟强刚杰涛斌磊静敏燕芳娟霞峰勇宇鹏飞晓晨亮辉琳婷雪梅兰凤";
    private static final String[] MOBILE_PREFIXES = {"139", "138", "186", "187", "151", "158", "177", "133", "189", "199"};

    /** One person; {@code idNumber} is valid, the birth date matches it. */
    record Person(String name, boolean male, LocalDate birth, String idNumber, String mobile) {

        String gender() {
            return male ? "男" : "女";
        }
    }

    private BenchPeople() {
    }

    /** The {@code n}-th person registered in {@code countyCode}; {@code rnd} picks the name and phone. */
    static Person person(String countyCode, long n, Random rnd) {
        long sequence = n / BIRTH_DAYS;
        if (sequence >= 500) {
            throw new IllegalArgumentException("more people than one county's ID numbers allow: " + n);
        }
        LocalDate birth = FIRST_BIRTH.plusDays((n % BIRTH_DAYS) * SPREAD % BIRTH_DAYS);
        boolean male = rnd.nextInt(10) < 7;
        String first17 = countyCode + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", sequence * 2 + (male ? 1 : 0));
        String id = first17 + IdNumber.checkCharacter(first17);
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(rnd.nextInt(SURNAMES.length())));
        int given = rnd.nextInt(10) < 7 ? 2 : 1;
        for (int i = 0; i < given; i++) {
            name.append(GIVEN.charAt(rnd.nextInt(GIVEN.length())));
        }
        String mobile = MOBILE_PREFIXES[rnd.nextInt(MOBILE_PREFIXES.length)] + String.format("%08d", rnd.nextInt(100_000_000));
        return new Person(name.toString(), male, birth, id, mobile);
    }

    /** The same number with a wrong check character, as a typing slip leaves it. */
    static String withWrongCheckCharacter(String id) {
        char right = id.charAt(17);
        char wrong = right == '0' ? '1' : right == 'X' ? '5' : (char) (right == '9' ? '0' : right + 1);
        return id.substring(0, 17) + wrong;
    }
}
