package org.ruralstat.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.ruralstat.demo.DemoPeople.Person;
import org.ruralstat.demo.DemoRegions.Village;

/**
 * Builds the cadre postings of one county: who is sent from which level to which village in which role.
 *
 * <p>Roles follow the dispatch level: the highest-level cadres of a county become its first secretaries
 * (one per village), the next ones its team leaders, the rest team members spread over the villages.
 */
final class CadrePostings {

    enum Level { CENTRAL, PROVINCIAL, PREFECTURE, COUNTY, TOWNSHIP }

    enum Role { FIRST_SECRETARY, TEAM_LEADER, TEAM_MEMBER }

    /** One cadre posted to one village. */
    record Posting(Person person, String politicalStatus, Level level, String unit, Role role, Village village,
            LocalDate start, LocalDate end, int trainingHours, boolean promoted) {
    }

    /** How many cadres of each level a county posts; {@code leaders} villages get a separate team leader. */
    record Quota(String county, int villages, int leaders, int[] perLevel, int promoted) {

        int total() {
            int sum = 0;
            for (int n : perLevel) {
                sum += n;
            }
            return sum;
        }
    }

    /** The sending organizations of one province, by level (county and township units are derived). */
    record SendingUnits(String[] central, String[] provincial, String[] prefecture) {
    }

    /** When the cadres of one batch took up their posts. */
    record Batch(LocalDate rotationDay, double shareOnRotationDay, int laterDays, LocalDate endOfTerm,
            double koreanShare) {
    }

    private static final String[] COUNTY_DEPARTMENTS = {
        "委组织部", "委宣传部", "财政局", "农业农村局", "教育局", "卫生健康局", "水利局", "人力资源和社会保障局",
        "市场监督管理局", "自然资源局", "住房和城乡建设局", "乡村振兴局", "人民法院", "人民检察院", "统计局",
        "交通运输局", "民政局", "商务局"};
    private static final String[] TOWNSHIP_OFFICES = {"人民政府", "党委", "农业服务中心", "便民服务中心"};
    private static final int[] TRAINING_HOURS = {24, 32, 32, 40, 40, 48, 56, 64, 72};

    private final DemoPeople people;
    private final DemoRegions regions;

    CadrePostings(DemoPeople people, DemoRegions regions) {
        this.people = people;
        this.regions = regions;
    }

    /** The postings of a county over {@code villages}, sorted by village and role. */
    List<Posting> build(Quota quota, List<Village> villages, SendingUnits units, Batch batch, Random rnd) {
        if (villages.size() != quota.villages()) {
            throw new IllegalArgumentException("quota for " + quota.villages() + " villages, got " + villages.size());
        }
        List<Level> levels = levelsInRankOrder(quota.perLevel());
        List<Village> secretaryOrder = shuffled(villages, rnd);
        List<Village> leaderOrder = shuffled(villages, rnd).subList(0, quota.leaders());
        Set<Integer> promoted = chosen(levels.size(), quota.promoted(), rnd);
        List<Posting> postings = new ArrayList<>();
        int v = villages.size();
        for (int i = 0; i < levels.size(); i++) {
            Role role = i < v ? Role.FIRST_SECRETARY : i < v + quota.leaders() ? Role.TEAM_LEADER : Role.TEAM_MEMBER;
            Village village = switch (role) {
                case FIRST_SECRETARY -> secretaryOrder.get(i);
                case TEAM_LEADER -> leaderOrder.get(i - v);
                case TEAM_MEMBER -> villages.get(rnd.nextInt(v));
            };
            postings.add(posting(quota.county(), levels.get(i), role, village, units, batch,
                    promoted.contains(i), rnd));
        }
        postings.sort(Comparator.comparing((Posting p) -> p.village().code()).thenComparing(Posting::role));
        return postings;
    }

    /** Per-level counts drawn from weights, for counties whose levels are not published. */
    static int[] levelsByWeight(int total, double[] weights, Random rnd) {
        int[] counts = new int[weights.length];
        for (int i = 0; i < total; i++) {
            double x = rnd.nextDouble();
            int level = 0;
            while (level < weights.length - 1 && x >= weights[level]) {
                x -= weights[level];
                level++;
            }
            counts[level]++;
        }
        return counts;
    }

    private Posting posting(String county, Level level, Role role, Village village, SendingUnits units,
            Batch batch, boolean promoted, Random rnd) {
        int bornFrom = role == Role.FIRST_SECRETARY ? 1970 : 1965;
        Person person = people.next(rnd, county, bornFrom, 1996, role == Role.TEAM_MEMBER ? 0.7 : 0.85,
                batch.koreanShare());
        LocalDate start = rnd.nextDouble() < batch.shareOnRotationDay()
                ? batch.rotationDay() : batch.rotationDay().plusDays(1 + rnd.nextInt(batch.laterDays()));
        LocalDate end = start.equals(batch.rotationDay()) ? batch.endOfTerm() : null;
        return new Posting(person, politicalStatus(role, rnd), level, unit(county, level, village, units, rnd),
                role, village, start, end, TRAINING_HOURS[rnd.nextInt(TRAINING_HOURS.length)], promoted);
    }

    private static String politicalStatus(Role role, Random rnd) {
        if (role != Role.TEAM_MEMBER) {
            return "中共党员";
        }
        int x = rnd.nextInt(20);
        return x < 17 ? "中共党员" : x < 18 ? "中共预备党员" : x < 19 ? "共青团员" : "群众";
    }

    private String unit(String county, Level level, Village village, SendingUnits units, Random rnd) {
        return switch (level) {
            case CENTRAL -> pickOne(units.central(), rnd);
            case PROVINCIAL -> pickOne(units.provincial(), rnd);
            case PREFECTURE -> pickOne(units.prefecture(), rnd);
            case COUNTY -> countyPrefix(county) + pickOne(COUNTY_DEPARTMENTS, rnd);
            case TOWNSHIP -> village.townshipName() + pickOne(TOWNSHIP_OFFICES, rnd);
        };
    }

    private String countyPrefix(String county) {
        String name = regions.countyName(county);
        return "城区".equals(name) ? "晋城市城区" : name;
    }

    private static List<Level> levelsInRankOrder(int[] perLevel) {
        List<Level> levels = new ArrayList<>();
        for (Level level : Level.values()) {
            levels.addAll(Collections.nCopies(perLevel[level.ordinal()], level));
        }
        return levels;
    }

    private static <T> List<T> shuffled(List<T> items, Random rnd) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, rnd);
        return copy;
    }

    private static Set<Integer> chosen(int n, int k, Random rnd) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        Collections.shuffle(all, rnd);
        return new HashSet<>(all.subList(0, k));
    }

    private static String pickOne(String[] options, Random rnd) {
        return options[rnd.nextInt(options.length)];
    }
}
