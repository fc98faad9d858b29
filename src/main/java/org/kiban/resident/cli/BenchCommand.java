package org.kiban.resident.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.kiban.common.LgCode;
import org.kiban.common.ResidentDate;
import org.kiban.platform.Actor;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.resident.Address;
import org.kiban.resident.NewPerson;
import org.kiban.resident.Notification;
import org.kiban.resident.NotificationType;
import org.kiban.resident.ResidentKind;
import org.kiban.resident.ResidentNotifications;
import org.kiban.resident.ResidentQuery;
import org.kiban.resident.ResidentView;
import org.kiban.resident.Residents;
import org.kiban.resident.SearchResult;
import org.kiban.resident.internal.SyntheticPopulation;
import org.kiban.tenancy.Municipalities;
import org.kiban.tenancy.Tenants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Performance measurements of the registry, {@code kiban bench resident} (not a test; nothing asserted). */
final class BenchCommand {

    private BenchCommand() {
    }

    /**
     * {@code kiban bench resident --tenant 141003 [--clerks 8] [--seconds 30]}: (a) notifications per second with
     * concurrent clerks, each a thread submitting realistic 異動 through {@link ResidentNotifications} as a staff
     * member — mostly 国内転入 of a new small household, some 転居 of an existing household seen first with
     * {@link Residents#household} — and their latency; (b) latency of {@link Residents#search} by kana prefix
     * (2–3 kana) and by name + birth date of existing residents. Every read is audited as in production.
     */
    @Component
    @Command(name = "resident", mixinStandardHelpOptions = true,
            description = "住民記録の性能測定：同時に届出する窓口の処理件数・応答時間と、検索の応答時間")
    static class Resident implements Callable<Integer>, org.kiban.platform.BenchSubcommand {

        @Option(names = "--tenant", required = true, description = "全国地方公共団体コード（6桁）")
        String tenant;

        @Option(names = "--clerks", defaultValue = "8", description = "同時に届出する窓口の数（既定 ${DEFAULT-VALUE}）")
        int clerks;

        @Option(names = "--seconds", defaultValue = "30", description = "届出の測定時間（秒、既定 ${DEFAULT-VALUE}）")
        int seconds;

        @Option(names = "--warmup", defaultValue = "5", description = "測定前の慣らし運転（秒、既定 ${DEFAULT-VALUE}）")
        int warmup;

        @Option(names = "--pause-ms", defaultValue = "0",
                description = "窓口ごとの届出の間隔（ミリ秒、既定 ${DEFAULT-VALUE}：間を置かずに連続で届出）")
        long pauseMs;

        @Option(names = "--move-share", defaultValue = "0.2", description = "届出のうち転居の割合（既定 ${DEFAULT-VALUE}、残りは国内転入）")
        double moveShare;

        @Option(names = "--searches", defaultValue = "2000", description = "検索の回数（カナ前方一致と氏名＋生年月日が半々、既定 ${DEFAULT-VALUE}）")
        int searches;

        @Option(names = "--search-clerks", defaultValue = "1", description = "同時に検索する窓口の数（既定 ${DEFAULT-VALUE}）")
        int searchClerks;

        @Option(names = "--seed", defaultValue = "42", description = "乱数の種（既定 ${DEFAULT-VALUE}）")
        long seed;

        private final ResidentNotifications notifications;
        private final Residents residents;
        private final JdbcClient jdbc;
        private final TransactionTemplate tx;
        private final Municipalities municipalities;
        private final Tenants tenants;

        Resident(ResidentNotifications notifications, Residents residents, JdbcClient jdbc, TransactionTemplate tx,
                 Municipalities municipalities, Tenants tenants) {
            this.notifications = notifications;
            this.residents = residents;
            this.jdbc = jdbc;
            this.tx = tx;
            this.municipalities = municipalities;
            this.tenants = tenants;
        }

        /** An existing resident, to search for and to move. */
        record Sample(String atenaNo, String householdNo, String name, String nameKana, String birthDate, String ward) {
        }

        @Override
        public Integer call() throws Exception {
            String lg = LgCode.of(tenant).value();
            if (tenants.find(lg).isEmpty()) {
                throw new IllegalArgumentException("団体コード " + lg + " はこのKibanのテナントではありません。");
            }
            if (clerks < 1 || seconds < 1 || warmup < 0 || searches < 0 || searchClerks < 1 || moveShare < 0 || moveShare > 1) {
                throw new IllegalArgumentException("--clerks・--seconds・--search-clerks は1以上、--move-share は0〜1で指定してください。");
            }
            SyntheticPopulation.Place place = SyntheticPopulation.Place.of(municipalities, lg);
            Actor system = Actor.system("bench");
            Setup setup = TenantContext.callAs(lg, system, () -> tx.execute(s -> setup(lg)));
            if (setup.samples.isEmpty()) {
                throw new IllegalArgumentException("テナント " + lg + " に住民がいません。先に demo-data で投入してください。");
            }
            System.out.printf("== bench resident: テナント %s %s、住民 %,d 人、%s%n", lg,
                    municipalities.find(lg).map(m -> m.name()).orElse(""), setup.residentCount, setup.analyzed);
            System.out.printf("   Java %s (%s)、%s、CPU %d%n", System.getProperty("java.version"),
                    System.getProperty("java.vm.name"), setup.postgres, Runtime.getRuntime().availableProcessors());

            Notifications a = notifications(lg, place, setup);
            a.print(clerks, seconds, warmup, pauseMs);
            Searches b = searches > 0 ? searches(lg, setup) : null;
            if (b != null) {
                b.print();
            }

            System.out.println("-- 目標（issue 3）");
            if (b != null) {
                target("検索 p99（カナ前方一致）", b.kana.percentile(99), 50);
                target("検索 p99（氏名＋生年月日）", b.nameBirth.percentile(99), 50);
            }
            target("国内転入 p99", a.moveIn.percentile(99), 50);
            return 0;
        }

        private static void target(String what, double ms, double limit) {
            System.out.printf("   %-24s %8.1f ms  %s（< %.0f ms）%n", what, ms, ms < limit ? "達成" : "未達", limit);
        }

        // ---- setup: sample existing residents, offices, numbering for newcomers

        record Setup(long residentCount, List<Sample> samples, Map<String, String> officeByWard, String anyOffice,
                     long firstNewcomerNumber, String postgres, String analyzed) {
        }

        private Setup setup(String lg) {
            long count = jdbc.sql("select count(*) from resident_current where lg_code = ? and status = 'RESIDENT'")
                    .param(lg).query(Long.class).single();
            int want = Math.max(searches, 1000) * 2;
            double percent = count == 0 ? 100 : Math.min(100.0, 100.0 * want * 2 / count);
            List<Sample> samples = new ArrayList<>(jdbc.sql("""
                            select r.atena_no, r.household_no, r.name, r.name_kana, r.birth_date, r.ward_lg_code
                            from resident_current c tablesample bernoulli (?) repeatable (?)
                            join resident_record r on r.lg_code = c.lg_code and r.atena_no = c.atena_no and r.rireki_no = c.rireki_no
                            where c.lg_code = ? and c.status = 'RESIDENT' and r.name_kana is not null
                            limit ?""")
                    .params(percent, (double) seed, lg, want)
                    .query((rs, n) -> new Sample(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)))
                    .list());
            Collections.shuffle(samples, new Random(seed));
            Map<String, String> offices = new HashMap<>();
            String any = null;
            for (Map<String, Object> o : jdbc.sql("select office_code, ward_lg_code from office where lg_code = ? and closed_on is null order by office_code")
                    .param(lg).query().listOfRows()) {
                String code = (String) o.get("office_code");
                any = any == null ? code : any;
                if (o.get("ward_lg_code") != null) {
                    offices.put(((String) o.get("ward_lg_code")).strip(), code);
                }
            }
            // Newcomers get 住民票コード and 個人番号 starting with 9 (demo-data uses 1 and 2), after any used before.
            String maxJuminhyo = jdbc.sql("select max(juminhyo_code) from resident_record where lg_code = ? and juminhyo_code >= '9'")
                    .param(lg).query(String.class).optional().orElse(null);
            String maxIndividual = jdbc.sql("select max(individual_number) from resident_record where lg_code = ? and individual_number >= '9'")
                    .param(lg).query(String.class).optional().orElse(null);
            long first = Math.max(maxJuminhyo == null ? 0 : Long.parseLong(maxJuminhyo.substring(1, 10)),
                    maxIndividual == null ? 0 : Long.parseLong(maxIndividual.substring(1, 11))) + 1;
            String version = jdbc.sql("select current_setting('server_version')").query(String.class).single();
            String analyzed = jdbc.sql("""
                            select coalesce('統計 ' || to_char(greatest(last_analyze, last_autoanalyze), 'YYYY-MM-DD HH24:MI:SS'), '統計未取得')
                                   || '、未分析の変更 ' || n_mod_since_analyze
                            from pg_stat_user_tables where relname = 'resident_record'""")
                    .query(String.class).optional().orElse("");
            return new Setup(count, samples, offices, any, first, "PostgreSQL " + version, analyzed);
        }

        // ---- (a) notifications

        final class Notifications {
            final Latencies moveIn = new Latencies();
            final Latencies moveWithin = new Latencies();
            final Latencies householdView = new Latencies();
            final Map<String, Long> errors = new ConcurrentHashMap<>();
            long persons;

            void print(int clerks, int seconds, int warmup, long pauseMs) {
                long done = moveIn.count() + moveWithin.count();
                System.out.printf("-- 届出: 窓口 %d 人が同時に %d 秒（慣らし %d 秒は除く）、届出の間隔 %d ms、国内転入の世帯は1〜3人%n",
                        clerks, seconds, warmup, pauseMs);
                System.out.printf("   処理件数 %,d 件（%,.1f 件/秒）、異動した人 %,d 人（%,.1f 人/秒）、エラー %d 件 %s%n", done,
                        done / (double) seconds, persons, persons / (double) seconds,
                        errors.values().stream().mapToLong(Long::longValue).sum(), errors.isEmpty() ? "" : new TreeMap<>(errors));
                moveIn.print("国内転入（submit）");
                moveWithin.print("転居（submit）");
                householdView.print("世帯の照会（転居の前）");
            }
        }

        private Notifications notifications(String lg, SyntheticPopulation.Place place, Setup setup) throws Exception {
            Notifications result = new Notifications();
            Map<String, Sample> byHousehold = new java.util.LinkedHashMap<>();
            setup.samples.forEach(s -> byHousehold.putIfAbsent(s.householdNo, s));
            ConcurrentLinkedQueue<Sample> households = new ConcurrentLinkedQueue<>(byHousehold.values());
            AtomicLong numbers = new AtomicLong(setup.firstNewcomerNumber);
            AtomicLong persons = new AtomicLong();
            long start = System.nanoTime();
            long measureFrom = start + warmup * 1_000_000_000L;
            long end = measureFrom + seconds * 1_000_000_000L;
            LocalDate today = LocalDate.now();
            String todayText = ResidentDate.of(today).display();
            ExecutorService pool = Executors.newFixedThreadPool(clerks);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < clerks; i++) {
                int clerk = i;
                futures.add(pool.submit(() -> {
                    Random random = new Random(seed * 31 + clerk);
                    SyntheticPopulation people = new SyntheticPopulation(seed * 131 + clerk, today, place);
                    Latencies moveIn = new Latencies();
                    Latencies moveWithin = new Latencies();
                    Latencies views = new Latencies();
                    long t;
                    while ((t = System.nanoTime()) < end) {
                        if (pauseMs > 0) {
                            // A clerk's time with the resident between two notifications.
                            java.util.concurrent.locks.LockSupport.parkNanos(pauseMs * 1_000_000L);
                            t = System.nanoTime();
                        }
                        boolean measured = t >= measureFrom;
                        Sample mover = random.nextDouble() < moveShare ? households.poll() : null;
                        try {
                            if (mover == null) {
                                int size = random.nextDouble() < 0.5 ? 1 : random.nextDouble() < 0.7 ? 2 : 3;
                                Notification n = moveIn(people, size, todayText, today, numbers);
                                String ward = ((Notification.Entry) n).address().wardLgCode();
                                Actor actor = clerk(clerk, setup, ward);
                                long t0 = System.nanoTime();
                                TenantContext.callAs(lg, actor, () -> notifications.submit(n));
                                if (measured) {
                                    moveIn.add(System.nanoTime() - t0);
                                    persons.addAndGet(size);
                                }
                            } else {
                                String household = mover.householdNo;
                                Actor actor = clerk(clerk, setup, mover.ward);
                                long t0 = System.nanoTime();
                                Residents.HouseholdView view = TenantContext.callAs(lg, actor, () -> residents.household(household));
                                long t1 = System.nanoTime();
                                if (view.members().isEmpty()) {
                                    continue;
                                }
                                // Mostly within the same ward; a designated city's move between wards gets a new 世帯番号.
                                String ward = view.members().get(0).record().address().wardLgCode();
                                SyntheticPopulation.Dwelling d = people.dwelling(random.nextDouble() < 0.8 ? ward : null);
                                Notification n = new Notification.MoveWithin(NotificationType.MOVE_WITHIN, todayText, today,
                                        null, Map.of(household, view.version()), null,
                                        view.members().stream().map(m -> m.record().atenaNo()).toList(),
                                        new Address(d.address(), d.supplement(), null, null, d.wardLgCode()), null);
                                long t2 = System.nanoTime();
                                TenantContext.callAs(lg, actor, () -> notifications.submit(n));
                                if (measured) {
                                    views.add(t1 - t0);
                                    moveWithin.add(System.nanoTime() - t2);
                                    persons.addAndGet(view.members().size());
                                }
                            }
                        } catch (ProblemException e) {
                            if (measured) {
                                result.errors.merge(e.code(), 1L, Long::sum);
                            }
                        } catch (RuntimeException e) {
                            if (measured) {
                                result.errors.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1L, Long::sum);
                            }
                        }
                    }
                    synchronized (result) {
                        result.moveIn.addAll(moveIn);
                        result.moveWithin.addAll(moveWithin);
                        result.householdView.addAll(views);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            result.persons = persons.get();
            return result;
        }

        private Actor clerk(int clerk, Setup setup, String ward) {
            String office = ward == null ? setup.anyOffice : setup.officeByWard.getOrDefault(ward, setup.anyOffice);
            return new Actor(Actor.Kind.STAFF, "bench-clerk-" + (clerk + 1), "性能測定 窓口" + (clerk + 1), office);
        }

        /** 国内転入 of a new household of {@code size}: a family as {@link SyntheticPopulation} makes them. */
        private static Notification moveIn(SyntheticPopulation people, int size, String todayText, LocalDate today, AtomicLong numbers) {
            SyntheticPopulation.Household h = people.household(size);
            List<NewPerson> persons = new ArrayList<>();
            for (SyntheticPopulation.Person p : h.members()) {
                long n = numbers.getAndIncrement();
                String juminhyo = String.format("9%09d", n);
                String individual = String.format("9%010d", n);
                persons.add(new NewPerson(null, ResidentKind.JAPANESE, p.name(), p.nameKana(), null, null, null, null, null,
                        ResidentDate.of(p.birthDate()).display(), p.sex(), p.relationship(), p.permanentDomicile(),
                        p.familyRegisterHead(), null,
                        juminhyo + org.kiban.common.CheckDigits.juminhyoCode(juminhyo),
                        individual + org.kiban.common.CheckDigits.individualNumber(individual), null));
            }
            return new Notification.Entry(NotificationType.MOVE_IN_DOMESTIC, todayText, today, null, null, Boolean.TRUE,
                    null, new Address(h.address(), h.supplement(), null, null, h.wardLgCode()),
                    Address.of(h.previousAddress()), persons);
        }

        // ---- (b) search

        final class Searches {
            final Latencies kana = new Latencies();
            final Latencies nameBirth = new Latencies();
            final Latencies kanaHits = new Latencies();
            final AtomicLong notFound = new AtomicLong();

            void print() {
                System.out.printf("-- 検索: %,d 回（窓口 %d 人、1ページ20件、検索結果の各人を監査ログに記録、慣らし100回は除く）%n",
                        kana.count() + nameBirth.count(), searchClerks);
                kana.print("カナ前方一致（2〜3文字）");
                System.out.printf("   %-24s 中央値 %,.0f 件  p99 %,.0f 件  最大 %,.0f 件%n", "  └ ヒット件数（total）",
                        kanaHits.percentileRaw(50), kanaHits.percentileRaw(99), kanaHits.percentileRaw(100));
                nameBirth.print("氏名＋生年月日");
                if (notFound.get() > 0) {
                    System.out.printf("   氏名＋生年月日で本人が見つからなかった検索 %d 回（転居・転入で変わった人）%n", notFound.get());
                }
            }
        }

        private Searches searches(String lg, Setup setup) throws Exception {
            Searches result = new Searches();
            Random random = new Random(seed * 7 + 3);
            List<ResidentQuery> queries = new ArrayList<>();
            List<Sample> targets = new ArrayList<>();
            int warm = 100;
            for (int i = 0; i < searches + warm; i++) {
                Sample s = setup.samples.get(random.nextInt(setup.samples.size()));
                if (i % 2 == 0) {
                    String kana = s.nameKana;
                    int space = kana.indexOf('　');
                    // A clerk types the start of the surname, sometimes of the given name (search by 名, §1.11).
                    String part = random.nextDouble() < 0.7 || space < 0 ? kana.substring(0, space < 0 ? kana.length() : space)
                            : kana.substring(space + 1);
                    String prefix = part.substring(0, Math.min(part.length(), random.nextBoolean() ? 2 : 3));
                    queries.add(new ResidentQuery(null, prefix, null, null, null, null, null, null, false, false, 0, 20));
                } else {
                    queries.add(new ResidentQuery(s.name, null, s.birthDate, null, null, null, null, null, false, false, 0, 20));
                }
                targets.add(s);
            }
            AtomicLong next = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(searchClerks);
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < searchClerks; c++) {
                int clerk = c;
                futures.add(pool.submit(() -> {
                    Actor actor = clerk(clerk, setup, null);
                    Latencies kana = new Latencies();
                    Latencies nameBirth = new Latencies();
                    Latencies hits = new Latencies();
                    int i;
                    while ((i = (int) next.getAndIncrement()) < queries.size()) {
                        ResidentQuery q = queries.get(i);
                        long t0 = System.nanoTime();
                        SearchResult r = TenantContext.callAs(lg, actor, () -> residents.search(q));
                        long took = System.nanoTime() - t0;
                        if (i < warm) {
                            continue;
                        }
                        if (q.kana() != null) {
                            kana.add(took);
                            hits.add(r.total());
                        } else {
                            nameBirth.add(took);
                            String wanted = targets.get(i).atenaNo;
                            if (r.results().stream().map(ResidentView::record).noneMatch(x -> x.atenaNo().equals(wanted))) {
                                result.notFound.incrementAndGet();
                            }
                        }
                    }
                    synchronized (result) {
                        result.kana.addAll(kana);
                        result.nameBirth.addAll(nameBirth);
                        result.kanaHits.addAll(hits);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            return result;
        }
    }

    /** Measured values (nanoseconds, or counts) kept whole and sorted for percentiles. */
    static final class Latencies {
        private long[] values = new long[1024];
        private int size;
        private boolean sorted;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
            sorted = false;
        }

        void addAll(Latencies other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        long count() {
            return size;
        }

        /** The value at percentile {@code p} (nearest rank), as is. */
        double percentileRaw(double p) {
            if (size == 0) {
                return Double.NaN;
            }
            if (!sorted) {
                Arrays.sort(values, 0, size);
                sorted = true;
            }
            int rank = (int) Math.ceil(p / 100.0 * size);
            return values[Math.max(0, Math.min(size - 1, rank - 1))];
        }

        /** Percentile {@code p} in milliseconds. */
        double percentile(double p) {
            return percentileRaw(p) / 1e6;
        }

        double mean() {
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += values[i];
            }
            return size == 0 ? Double.NaN : sum / size / 1e6;
        }

        void print(String what) {
            if (size == 0) {
                System.out.printf("   %-24s —%n", what);
                return;
            }
            System.out.printf("   %-24s %,7d 回  平均 %6.1f ms  p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  最大 %6.1f ms%n",
                    what, size, mean(), percentile(50), percentile(90), percentile(99), percentile(100));
        }
    }
}
