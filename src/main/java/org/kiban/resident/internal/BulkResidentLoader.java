package org.kiban.resident.internal;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.common.CheckDigits;
import org.kiban.common.ResidentDate;
import org.kiban.common.SearchKey;
import org.kiban.platform.Actor;
import org.kiban.platform.CopyText;
import org.kiban.platform.TenantContext;
import org.kiban.resident.ChangeReason;
import org.kiban.resident.NotificationType;
import org.kiban.resident.ResidentKind;
import org.kiban.resident.ResidentStatus;
import org.kiban.tenancy.Municipalities;
import org.kiban.tenancy.Tenants;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a {@link SyntheticPopulation} into one tenant's registry for demos and benchmarks: per person one history
 * row (履歴番号 1: 国内転入, or 出生 for those born after their household moved in) and its {@code resident_current}
 * pointer, per household a {@code household} row, and for the whole load one {@code resident_notification}
 * (職権記載) that every row references, and one audit entry.
 *
 * <p>All in one transaction of the tenant, so row-level security applies and a failed load leaves nothing. The rows
 * are generated while they are streamed with PostgreSQL's COPY (memory stays constant). COPY FROM refuses tables
 * under row-level security ("COPY FROM not supported with row-level security"), so the rows go into a temporary
 * table by COPY, chunk by chunk, and from there into the registry by {@code INSERT … SELECT}, which the tenant
 * policy checks. 宛名番号 and 世帯番号 come from the tenant's sequences (one block reserved per load, bases whose
 * check digit is undefined skipped, as {@link ResidentStore#nextNumber} does); the numbering of the tenant waits
 * for the load to commit. No domain events are published: this is demo data, not 異動.
 */
@Component
public class BulkResidentLoader {

    /** Persons per COPY / INSERT round (whole households; the temporary table holds one chunk at a time). */
    static final int CHUNK = 50_000;
    static final String ACTOR = "demo-data";
    private static final String TEMP = "kiban_load_record";

    /**
     * @param lgCode    the tenant
     * @param residents how many persons
     * @param seed      seed of the generator
     * @param asOf      reference date: ages are as of it, no date lies after it
     */
    public record Request(String lgCode, int residents, long seed, LocalDate asOf) {
    }

    /** What was loaded. */
    public record Result(String lgCode, long notificationNo, int residents, int households, String firstAtenaNo,
                         String lastAtenaNo, Duration elapsed) {
    }

    /** Told every few seconds how far the load is: persons stored in the registry, persons generated. */
    @FunctionalInterface
    public interface Listener {
        void progress(long stored, long generated, long total, Duration elapsed);
    }

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ResidentStore store;
    private final AuditTrail audit;
    private final Municipalities municipalities;
    private final Tenants tenants;
    private final JsonMapper json;

    BulkResidentLoader(JdbcTemplate jdbcTemplate, JdbcClient jdbc, TransactionTemplate tx, ResidentStore store,
                       AuditTrail audit, Municipalities municipalities, Tenants tenants, JsonMapper json) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.tx = tx;
        this.store = store;
        this.audit = audit;
        this.municipalities = municipalities;
        this.tenants = tenants;
        this.json = json;
    }

    /** Loads {@code request.residents()} synthetic residents, reporting progress every {@code interval}. */
    public Result load(Request request, Listener listener, Duration interval) {
        if (request.residents() < 1) {
            throw new IllegalArgumentException("住民数は1以上で指定してください。");
        }
        if (request.asOf().isAfter(LocalDate.now())) {
            throw new IllegalArgumentException("基準日（" + request.asOf() + "）が未来の日付です。");
        }
        String lg = request.lgCode();
        if (tenants.find(lg).isEmpty()) {
            throw new IllegalArgumentException("団体コード " + lg + " はこのKibanのテナントではありません"
                    + "（デモのテナントはサーバーを一度デモモードで起動すると作られます）。");
        }
        SyntheticPopulation.Place place = SyntheticPopulation.Place.of(municipalities, lg);
        long started = System.nanoTime();
        AtomicLong stored = new AtomicLong();
        AtomicLong generated = new AtomicLong();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-data-progress");
            t.setDaemon(true);
            return t;
        });
        if (listener != null) {
            ticker.scheduleAtFixedRate(() -> listener.progress(stored.get(), generated.get(), request.residents(),
                    Duration.ofNanos(System.nanoTime() - started)), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        try {
            Result result = TenantContext.callAs(lg, Actor.system(ACTOR),
                    () -> tx.execute(status -> run(request, place, stored, generated, started)));
            if (listener != null) {
                listener.progress(stored.get(), generated.get(), request.residents(), Duration.ofNanos(System.nanoTime() - started));
            }
            return result;
        } finally {
            ticker.shutdownNow();
        }
    }

    private Result run(Request request, SyntheticPopulation.Place place, AtomicLong stored, AtomicLong generated, long started) {
        String lg = request.lgCode();
        Actor actor = TenantContext.currentActor();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int total = request.residents();

        // Households of N persons: the sizes come from their own random stream, so they can be counted first and
        // the 世帯番号 reserved in one block.
        int households = 0;
        SyntheticPopulation.Sizes counting = new SyntheticPopulation.Sizes(request.seed());
        for (int left = total; left > 0; households++) {
            left -= Math.min(counting.next(), left);
        }
        Numbers atena = reserve(lg, "ATENA", total);
        Numbers household = reserve(lg, "HOUSEHOLD", households);

        long notificationNo = store.nextNotificationNo(lg);
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("description", "合成住民データの一括投入（demo-data）。実在の人物ではありません。");
        description.put("generator", SyntheticPopulation.class.getSimpleName());
        description.put("residents", total);
        description.put("households", households);
        description.put("seed", request.seed());
        description.put("asOf", request.asOf().toString());
        // The columns every version of resident_notification has (ResidentStore.insertNotification may grow).
        jdbc.sql("""
                        insert into resident_notification (lg_code, notification_no, type, effective_date, notified_on,
                            recorded_at, office_code, operator, cancels_no, request)
                        values (?, ?, ?, ?, null, ?, ?, ?, null, ?)""")
                .params(lg, notificationNo, NotificationType.EX_OFFICIO_ENTRY.name(), ResidentDate.of(request.asOf()).display(),
                        Timestamp.from(now), actor.officeCode(), actor.qualifiedId(), json.writeValueAsString(description))
                .update();

        String firstAtenaNo = atena.peek();
        String[] last = new String[1];
        jdbc.sql("create temp table " + TEMP + " (like resident_record) on commit drop").update();
        SyntheticPopulation population = new SyntheticPopulation(request.seed(), request.asOf(), place);
        SyntheticPopulation.Sizes sizes = new SyntheticPopulation.Sizes(request.seed());
        Stamp stamp = new Stamp(lg, notificationNo, actor, now, request.asOf());
        int left = total;
        while (left > 0) {
            int chunk = 0;
            CopyText out = CopyText.open(jdbcTemplate, "copy " + TEMP + " (" + ResidentStore.COLUMNS + ") from stdin");
            try {
                while (left > 0 && chunk < CHUNK) {
                    int size = Math.min(sizes.next(), left);
                    SyntheticPopulation.Household h = population.household(size);
                    String householdNo = household.next();
                    String addressKey = SearchKey.name(h.address());
                    for (SyntheticPopulation.Person p : h.members()) {
                        long base = atena.nextBase();
                        Row r = row(stamp, h, householdNo, p, base);
                        out.row(ResidentStore.columnValues(r, addressKey));
                        last[0] = r.atenaNo;
                    }
                    left -= size;
                    chunk += size;
                    generated.addAndGet(size);
                }
                out.finish();
            } catch (SQLException | RuntimeException e) {
                out.cancel();
                throw new IllegalStateException("COPY of synthetic residents failed: " + e.getMessage(), e);
            }
            // Households first (the history rows reference them), then history rows, then current pointers.
            jdbc.sql("insert into household (lg_code, household_no, created_on, version) "
                    + "select lg_code, household_no, min(to_date(effective_sort, 'YYYYMMDD')), 1 from " + TEMP
                    + " group by lg_code, household_no").update();
            jdbc.sql("insert into resident_record (" + ResidentStore.COLUMNS + ") select " + ResidentStore.COLUMNS
                    + " from " + TEMP + " order by atena_no").update();
            jdbc.sql("insert into resident_current (lg_code, atena_no, rireki_no, household_no, status) "
                    + "select lg_code, atena_no, rireki_no, household_no, status from " + TEMP).update();
            jdbc.sql("truncate " + TEMP).update();
            stored.addAndGet(chunk);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        audit.record(AuditEvent.of("resident.synthetic-loaded", "notification", Long.toString(notificationNo),
                Map.of("residents", total, "households", households, "seed", request.seed(),
                        "asOf", request.asOf().toString(), "firstAtenaNo", firstAtenaNo, "lastAtenaNo", last[0])));
        return new Result(lg, notificationNo, total, households, firstAtenaNo, last[0], elapsed);
    }


    // ---- rows

    /** What every row of one load shares. */
    private record Stamp(String lg, long notificationNo, Actor actor, Instant now, LocalDate asOf) {
    }

    /** The history row of one person, with the items a 転入 (or 出生) through {@link NotificationService} sets. */
    private static Row row(Stamp s, SyntheticPopulation.Household h, String householdNo, SyntheticPopulation.Person p, long base) {
        boolean born = p.born();
        ResidentDate effective = ResidentDate.of(p.enteredOn());
        ResidentDate birth = ResidentDate.of(p.birthDate());
        Row r = new Row();
        r.lgCode = s.lg();
        r.atenaNo = CheckDigits.appendAtenaNoCheckDigit(String.format("%09d", base));
        r.rirekiNo = 1;
        r.changeReason = born ? ChangeReason.BIRTH : ChangeReason.MOVE_IN_DOMESTIC;
        r.effectiveDate = effective.display();
        r.effectiveSort = effective.sortKey();
        r.notifiedOn = p.notifiedOn();
        r.recordedAt = s.now();
        r.notificationNo = s.notificationNo();
        r.officeCode = s.actor().officeCode();
        r.operator = s.actor().qualifiedId();
        r.status = ResidentStatus.RESIDENT;
        r.kind = ResidentKind.JAPANESE;
        r.householdNo = householdNo;
        r.householdOrder = p.order();
        r.relationship = p.relationship();
        r.householdHeadName = h.head().name();
        r.name = p.name();
        r.nameKana = p.nameKana();
        r.birthDate = birth.display();
        r.birthSort = birth.sortKey();
        r.birthExact = p.birthDate();
        r.sex = p.sex();
        r.permanentDomicile = p.permanentDomicile();
        r.familyRegisterHead = p.familyRegisterHead();
        r.becameResidentOn = effective.display();
        r.address = h.address();
        r.addressSupplement = h.supplement();
        r.wardLgCode = h.wardLgCode();
        r.previousAddress = born ? null : h.previousAddress();
        r.juminhyoCode = juminhyoCode(base);
        r.individualNumber = individualNumber(base);
        return r;
    }

    /**
     * 住民票コード unique in the tenant: 2 followed by a bijective scramble of the 宛名番号 base (x·3^18 + c mod
     * 10^9 is one-to-one because 3^18 is prime to 10), then the check digit. The leading 2 keeps them apart from
     * the codes {@code bench} gives newcomers (leading 9).
     */
    static String juminhyoCode(long base) {
        String first10 = "2" + String.format("%09d", Math.floorMod(base * 387_420_489L + 123_456_789L, 1_000_000_000L));
        return first10 + CheckDigits.juminhyoCode(first10);
    }

    /** 個人番号 unique in the tenant: 10 and a scramble of the base by 7^10 (prime to 10), then the check digit. */
    static String individualNumber(long base) {
        String first11 = "10" + String.format("%09d", Math.floorMod(base * 282_475_249L + 987_654_321L, 1_000_000_000L));
        return first11 + CheckDigits.individualNumber(first11);
    }


    // ---- numbering

    /**
     * Reserves {@code count} issuable numbers of a sequence in one step: the row is locked (until commit), the
     * block computed, {@code last_base} moved past it. An absent row counts as 0, as {@link ResidentStore} starts at 1.
     */
    private Numbers reserve(String lg, String kind, int count) {
        jdbc.sql("insert into resident_number_sequence (lg_code, kind, last_base) values (?, ?, 0) on conflict do nothing")
                .params(lg, kind).update();
        long last = jdbc.sql("select last_base from resident_number_sequence where lg_code = ? and kind = ? for update")
                .params(lg, kind).query(Long.class).single();
        long base = last;
        for (int issued = 0; issued < count; ) {
            base++;
            if (CheckDigits.isIssuableAtenaBase(String.format("%09d", base))) {
                issued++;
            }
        }
        if (base > 999_999_999L) {
            throw new IllegalStateException("the " + kind + " sequence of " + lg + " would pass 9 digits");
        }
        jdbc.sql("update resident_number_sequence set last_base = ? where lg_code = ? and kind = ?")
                .params(base, lg, kind).update();
        return new Numbers(last + 1);
    }

    /** Issues the reserved block in order, skipping bases without a check digit. */
    private static final class Numbers {
        private long next;

        Numbers(long first) {
            this.next = first;
        }

        long nextBase() {
            while (!CheckDigits.isIssuableAtenaBase(String.format("%09d", next))) {
                next++;
            }
            return next++;
        }

        String next() {
            return CheckDigits.appendAtenaNoCheckDigit(String.format("%09d", nextBase()));
        }

        String peek() {
            long n = next;
            while (!CheckDigits.isIssuableAtenaBase(String.format("%09d", n))) {
                n++;
            }
            return CheckDigits.appendAtenaNoCheckDigit(String.format("%09d", n));
        }
    }
}
