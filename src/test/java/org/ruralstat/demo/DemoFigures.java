package org.ruralstat.demo;

/**
 * The published figures the demo drop in {@code input/} adds up to exactly, for tests to assert against.
 *
 * <p>Each constant names the published figure it comes from, as the table "What adds up to what" of
 * {@code input/README.md} lists them. Where the press gives a rounded figure ("1,100+"), the constant is the exact value the
 * demo rows were built to.
 */
public final class DemoFigures {

    // ---- Yanbian 延边州 (222400) cadres, period 2021 (posted from 2021-10 onward) ----

    /** README: "Yanbian 延边州 (222400) | 2021-10 onward | cadres: 3 central, …". */
    public static final int YANBIAN_CADRES_CENTRAL = 3;
    /** README: "Yanbian 延边州 (222400) | 2021-10 onward | cadres: … 245 provincial, …". */
    public static final int YANBIAN_CADRES_PROVINCIAL = 245;
    /** README: "Yanbian 延边州 (222400) | 2021-10 onward | cadres: … 855 prefecture, …". */
    public static final int YANBIAN_CADRES_PREFECTURE = 855;
    /** README: "… 1,100+ county/township …": the county-level part of the demo's 1,104. */
    public static final int YANBIAN_CADRES_COUNTY = 820;
    /** README: "… 1,100+ county/township …": the township-level part of the demo's 1,104. */
    public static final int YANBIAN_CADRES_TOWNSHIP = 284;
    /** README: "… 1,100+ county/township …": county plus township cadres in the demo drop. */
    public static final int YANBIAN_CADRES_COUNTY_AND_TOWNSHIP = YANBIAN_CADRES_COUNTY + YANBIAN_CADRES_TOWNSHIP;
    /** All Yanbian cadre postings of 2021 in the demo drop (sum of the five dispatch levels). */
    public static final int YANBIAN_CADRES_TOTAL = YANBIAN_CADRES_CENTRAL + YANBIAN_CADRES_PROVINCIAL
            + YANBIAN_CADRES_PREFECTURE + YANBIAN_CADRES_COUNTY_AND_TOWNSHIP;
    /** README: "Yanbian … cadres: … covering 391 assigned villages; … 391 cadre party groups". */
    public static final int YANBIAN_VILLAGES_WITH_CADRES = 391;
    /** README: "… covering 391 assigned villages": one 第一书记 per village in the demo drop. */
    public static final int YANBIAN_FIRST_SECRETARIES = 391;
    /** Demo split (not published): one 工作队长 per assigned village. */
    public static final int YANBIAN_TEAM_LEADERS = 391;
    /** Demo split (not published): the remaining postings are 工作队员. */
    public static final int YANBIAN_TEAM_MEMBERS =
            YANBIAN_CADRES_TOTAL - YANBIAN_FIRST_SECRETARIES - YANBIAN_TEAM_LEADERS;
    /** README: "Yanbian | since 2021 | 58 cadres promoted". */
    public static final int YANBIAN_CADRES_PROMOTED = 58;
    /** README: "Helong 和龙市 (222406) | 2021 | 76 administrative villages, all with posted cadres". */
    public static final int HELONG_VILLAGES_WITH_CADRES = 76;

    // ---- Jincheng 晋城市 (140500) cadres, period 2019 ----

    /** README: "Jincheng 晋城市 (140500) | 2019 | 205 first secretaries, …". */
    public static final int JINCHENG_FIRST_SECRETARIES = 205;
    /** README: "Jincheng 晋城市 (140500) | 2019 | … 197 work teams, …": one 工作队长 per work team. */
    public static final int JINCHENG_TEAM_LEADERS = 197;
    /** README: "Jincheng 晋城市 (140500) | 2019 | … 634 team members". */
    public static final int JINCHENG_TEAM_MEMBERS = 634;
    /** README: "… 205 first secretaries …": one village per first secretary. */
    public static final int JINCHENG_VILLAGES_WITH_CADRES = 205;

    // ---- Income ----

    /** README: "Yanbian | 2021 | poverty-alleviated per-capita income 14,784 yuan". */
    public static final int YANBIAN_2021_POVERTY_ALLEVIATED_INCOME_YUAN = 14_784;
    /** README: "Yanbian | 2021 | … rural per-capita disposable income in poverty-alleviated areas 15,513 yuan". */
    public static final int YANBIAN_2021_ALLEVIATED_AREA_RURAL_INCOME_YUAN = 15_513;
    /** README: "Fujian | 2019 | … rural per-capita disposable income of those villages 15,940 yuan". */
    public static final int FUJIAN_2019_LIFTED_VILLAGE_RURAL_INCOME_YUAN = 15_940;
    /** README: "Wangqing 汪清县 (222424) | 2021 | average village collective income above 250,000 yuan". */
    public static final int WANGQING_2021_MIN_AVERAGE_COLLECTIVE_INCOME_YUAN = 250_000;

    // ---- Employment, Yanbian 2022 ----

    /** README: "Yanbian | 2022 | 54,500 rural labourers in transfer employment". */
    public static final int YANBIAN_2022_TRANSFER_EMPLOYMENT = 54_500;
    /** README: "Yanbian | 2022 | … 13,700 poverty-alleviated labourers in stable employment". */
    public static final int YANBIAN_2022_STABLE_EMPLOYMENT_POVERTY_ALLEVIATED = 13_700;
    /** README: "Yanbian | 2022 | … of whom 9,948 in public-welfare posts". */
    public static final int YANBIAN_2022_PUBLIC_WELFARE_POSTS = 9_948;

    // ---- Sanitation, Tumen 2018-2022 (return period 2022) ----

    /** README: "Tumen 图们市 (222402) | 2018–2022 | sewage works in 32 villages". */
    public static final int TUMEN_SANITATION_VILLAGES = 32;
    /** README: "Tumen … | sewage works in 32 villages: 460 million yuan". */
    public static final long TUMEN_INVESTMENT_YUAN = 460_000_000L;
    /** README: "Tumen … 460 million yuan", as the return writes it in 万元. */
    public static final int TUMEN_INVESTMENT_WAN_YUAN = 46_000;
    /** README: "Tumen … 180,000 linear metres of drainage pipe". */
    public static final int TUMEN_PIPE_METRES = 180_000;
    /** README: "Tumen … 132 septic tanks". */
    public static final int TUMEN_SEPTIC_TANKS = 132;
    /** README: "Tumen … 23 integrated treatment units with plant rooms". */
    public static final int TUMEN_TREATMENT_UNITS = 23;
    /** README: "Tumen … 400,000 m² of road restored". */
    public static final int TUMEN_ROAD_RESTORED_M2 = 400_000;

    private DemoFigures() {
    }
}
