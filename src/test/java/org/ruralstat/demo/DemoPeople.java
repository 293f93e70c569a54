package org.ruralstat.demo;

import java.time.LocalDate;
import java.util.Random;

/** Synthetic people: a Chinese name, gender, birth date, matching ID number and a mobile number. */
final class DemoPeople {

    /** Common surnames, repeated by rough frequency. */
    private static final String SURNAMES = "王王王李李李张张张刘刘陈陈杨杨赵黄周吴徐孙马朱胡郭何林高罗郑梁谢宋唐韩"
            + "冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊陆郝孔白崔康毛邱秦";
    /** Surnames of Korean-Chinese families, frequent in Yanbian. */
    private static final String KOREAN_SURNAMES = "金金金李朴朴崔崔郑姜尹全韩许申玄南方池";
    private static final String MALE_GIVEN = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才"
            + "发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友"
            + "裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠";
    private static final String FEMALE_GIVEN = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹"
            + "霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁"
            + "梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽";

    /** One synthetic person. */
    record Person(String name, boolean male, LocalDate birth, String idNumber, String mobile) {

        String gender() {
            return male ? "男" : "女";
        }
    }

    private final IdNumbers ids;

    DemoPeople(IdNumbers ids) {
        this.ids = ids;
    }

    /**
     * A person registered in {@code areaCode}, born between the two years inclusive.
     *
     * @param koreanShare the share of Korean-Chinese surnames (0 outside Yanbian)
     */
    Person next(Random rnd, String areaCode, int bornFrom, int bornTo, double maleShare, double koreanShare) {
        boolean male = rnd.nextDouble() < maleShare;
        String surnames = rnd.nextDouble() < koreanShare ? KOREAN_SURNAMES : SURNAMES;
        String given = male ? MALE_GIVEN : FEMALE_GIVEN;
        StringBuilder name = new StringBuilder().append(surnames.charAt(rnd.nextInt(surnames.length())));
        int givenLength = rnd.nextInt(10) < 7 ? 2 : 1;
        for (int i = 0; i < givenLength; i++) {
            name.append(given.charAt(rnd.nextInt(given.length())));
        }
        LocalDate birth = LocalDate.of(bornFrom, 1, 1).plusDays(rnd.nextInt(365 * (bornTo - bornFrom + 1)));
        String id = ids.idNumber(areaCode, birth, male, rnd);
        return new Person(name.toString(), male, birth, id, ids.mobile(rnd));
    }
}
