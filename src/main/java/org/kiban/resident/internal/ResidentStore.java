package org.kiban.resident.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kiban.common.CheckDigits;
import org.kiban.common.SearchKey;
import org.kiban.resident.ChangeReason;
import org.kiban.resident.ForeignCategory;
import org.kiban.resident.ResidentKind;
import org.kiban.resident.ResidentStatus;
import org.kiban.resident.Sex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the registry: history rows (append-only), the pointer to each person's newest version, households and
 * numbering. Callers run inside a transaction of the tenant; every statement also names the tenant.
 */
@Repository
class ResidentStore {

    static final String COLUMNS = """
            lg_code, atena_no, rireki_no, change_reason, effective_date, effective_sort, notified_on, recorded_at,
            notification_no, office_code, operator, remarks, status, resident_kind, household_no, household_order,
            relationship, household_head_name, name, name_kana, name_alphabet, former_surname, former_surname_kana,
            alias, alias_kana, name_key, kana_key, given_kana_key, alias_key, former_surname_key, birth_date,
            birth_sort, birth_exact, sex, permanent_domicile, family_register_head, became_resident_on,
            address_set_on, address, address_supplement, address_code, postal_code, ward_lg_code, address_key,
            previous_address, previous_address_code, previous_postal_code, before_move_address, juminhyo_code,
            individual_number, nationality, foreign_category, status_of_residence, period_of_stay, stay_expires_on,
            residence_card_no, special_permanent_cert_no, foreign_resident_since, removal_reason, removed_on,
            removed_sort, move_out_destination, move_out_destination_code, move_out_planned_on""";
    private static final String INSERT = "insert into resident_record (" + COLUMNS + ") values ("
            + "?,".repeat(63) + "?)";
    static final String CURRENT = """
            select r.* from resident_current c
            join resident_record r on r.lg_code = c.lg_code and r.atena_no = c.atena_no and r.rireki_no = c.rireki_no
            """;

    private final JdbcClient jdbc;

    ResidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- history rows

    void insert(Row r) {
        jdbc.sql(INSERT).params(values(r)).update();
        int n = jdbc.sql("""
                        update resident_current set rireki_no = ?, household_no = ?, status = ?
                        where lg_code = ? and atena_no = ? and rireki_no = ?""")
                .params(r.rirekiNo, r.householdNo, r.status.name(), r.lgCode, r.atenaNo, r.rirekiNo - 1).update();
        if (n == 0) {
            if (r.rirekiNo != 1) {
                throw new IllegalStateException("version " + r.rirekiNo + " of " + r.atenaNo + " does not follow the current one");
            }
            jdbc.sql("insert into resident_current (lg_code, atena_no, rireki_no, household_no, status) values (?, ?, ?, ?, ?)")
                    .params(r.lgCode, r.atenaNo, r.rirekiNo, r.householdNo, r.status.name()).update();
        }
    }

    private static List<Object> values(Row r) {
        List<Object> v = columnValues(r, SearchKey.name(r.address));
        v.replaceAll(x -> x instanceof java.time.Instant i ? Timestamp.from(i) : x instanceof LocalDate d ? Date.valueOf(d) : x);
        return v;
    }

    /**
     * The values of a row in the order of {@link #COLUMNS}, search keys included: the one place that derives them.
     * Dates and times stay Java values (the bulk loader writes them as COPY text); {@code addressKey} is
     * {@code SearchKey.name(address)}, passed in so a loader can compute it once per household.
     */
    static List<Object> columnValues(Row r, String addressKey) {
        List<Object> v = new ArrayList<>(64);
        v.add(r.lgCode);
        v.add(r.atenaNo);
        v.add(r.rirekiNo);
        v.add(r.changeReason.name());
        v.add(r.effectiveDate);
        v.add(r.effectiveSort);
        v.add(r.notifiedOn);
        v.add(r.recordedAt);
        v.add(r.notificationNo);
        v.add(r.officeCode);
        v.add(r.operator);
        v.add(r.remarks);
        v.add(r.status.name());
        v.add(r.kind.name());
        v.add(r.householdNo);
        v.add(r.householdOrder);
        v.add(r.relationship);
        v.add(r.householdHeadName);
        v.add(r.name);
        v.add(r.nameKana);
        v.add(r.nameAlphabet);
        v.add(r.formerSurname);
        v.add(r.formerSurnameKana);
        v.add(r.alias);
        v.add(r.aliasKana);
        v.add(SearchKey.name(r.name));
        v.add(r.nameKana == null ? null : SearchKey.kana(r.nameKana));
        v.add(ResidentStore.givenNameKey(r.nameKana));
        v.add(r.alias == null ? null : SearchKey.name(r.alias));
        v.add(r.formerSurname == null ? null : SearchKey.name(r.formerSurname));
        v.add(r.birthDate);
        v.add(r.birthSort);
        v.add(r.birthExact);
        v.add(r.sex.name());
        v.add(r.permanentDomicile);
        v.add(r.familyRegisterHead);
        v.add(r.becameResidentOn);
        v.add(r.addressSetOn);
        v.add(r.address);
        v.add(r.addressSupplement);
        v.add(r.addressCode);
        v.add(r.postalCode);
        v.add(r.wardLgCode);
        v.add(addressKey);
        v.add(r.previousAddress);
        v.add(r.previousAddressCode);
        v.add(r.previousPostalCode);
        v.add(r.beforeMoveAddress);
        v.add(r.juminhyoCode);
        v.add(r.individualNumber);
        v.add(r.nationality);
        v.add(r.foreignCategory == null ? null : r.foreignCategory.name());
        v.add(r.statusOfResidence);
        v.add(r.periodOfStay);
        v.add(r.stayExpiresOn);
        v.add(r.residenceCardNo);
        v.add(r.specialPermanentCertNo);
        v.add(r.foreignResidentSince);
        v.add(r.removalReason == null ? null : r.removalReason.name());
        v.add(r.removedOn);
        v.add(r.removedSort);
        v.add(r.moveOutDestination);
        v.add(r.moveOutDestinationCode);
        v.add(r.moveOutPlannedOn);
        return v;
    }

    /** The folded key of the 名 (given name) part of a フリガナ written 「氏　名」, for search by 名 only (§1.11). */
    static String givenNameKey(String kana) {
        if (kana == null) {
            return null;
        }
        String s = kana.strip().replace('　', ' ');
        int space = s.indexOf(' ');
        return space < 0 ? null : SearchKey.kana(s.substring(space + 1));
    }

    static Row map(ResultSet rs, int n) throws SQLException {
        Row r = new Row();
        r.lgCode = rs.getString("lg_code");
        r.atenaNo = rs.getString("atena_no");
        r.rirekiNo = rs.getInt("rireki_no");
        r.changeReason = ChangeReason.valueOf(rs.getString("change_reason"));
        r.effectiveDate = rs.getString("effective_date");
        r.effectiveSort = rs.getString("effective_sort");
        r.notifiedOn = rs.getObject("notified_on", LocalDate.class);
        r.recordedAt = rs.getTimestamp("recorded_at").toInstant();
        r.notificationNo = rs.getLong("notification_no");
        r.officeCode = rs.getString("office_code");
        r.operator = rs.getString("operator");
        r.remarks = rs.getString("remarks");
        r.status = ResidentStatus.valueOf(rs.getString("status"));
        r.kind = ResidentKind.valueOf(rs.getString("resident_kind"));
        r.householdNo = rs.getString("household_no");
        r.householdOrder = rs.getInt("household_order");
        r.relationship = rs.getString("relationship");
        r.householdHeadName = rs.getString("household_head_name");
        r.name = rs.getString("name");
        r.nameKana = rs.getString("name_kana");
        r.nameAlphabet = rs.getString("name_alphabet");
        r.formerSurname = rs.getString("former_surname");
        r.formerSurnameKana = rs.getString("former_surname_kana");
        r.alias = rs.getString("alias");
        r.aliasKana = rs.getString("alias_kana");
        r.birthDate = rs.getString("birth_date");
        r.birthSort = rs.getString("birth_sort");
        r.birthExact = rs.getObject("birth_exact", LocalDate.class);
        r.sex = Sex.valueOf(rs.getString("sex"));
        r.permanentDomicile = rs.getString("permanent_domicile");
        r.familyRegisterHead = rs.getString("family_register_head");
        r.becameResidentOn = rs.getString("became_resident_on");
        r.addressSetOn = rs.getString("address_set_on");
        r.address = rs.getString("address");
        r.addressSupplement = rs.getString("address_supplement");
        r.addressCode = rs.getString("address_code");
        r.postalCode = rs.getString("postal_code");
        r.wardLgCode = rs.getString("ward_lg_code");
        r.previousAddress = rs.getString("previous_address");
        r.previousAddressCode = rs.getString("previous_address_code");
        r.previousPostalCode = rs.getString("previous_postal_code");
        r.beforeMoveAddress = rs.getString("before_move_address");
        r.juminhyoCode = rs.getString("juminhyo_code");
        r.individualNumber = rs.getString("individual_number");
        r.nationality = rs.getString("nationality");
        String category = rs.getString("foreign_category");
        r.foreignCategory = category == null ? null : ForeignCategory.valueOf(category);
        r.statusOfResidence = rs.getString("status_of_residence");
        r.periodOfStay = rs.getString("period_of_stay");
        r.stayExpiresOn = rs.getObject("stay_expires_on", LocalDate.class);
        r.residenceCardNo = rs.getString("residence_card_no");
        r.specialPermanentCertNo = rs.getString("special_permanent_cert_no");
        r.foreignResidentSince = rs.getString("foreign_resident_since");
        String removal = rs.getString("removal_reason");
        r.removalReason = removal == null ? null : ChangeReason.valueOf(removal);
        r.removedOn = rs.getString("removed_on");
        r.removedSort = rs.getString("removed_sort");
        r.moveOutDestination = rs.getString("move_out_destination");
        r.moveOutDestinationCode = rs.getString("move_out_destination_code");
        r.moveOutPlannedOn = rs.getObject("move_out_planned_on", LocalDate.class);
        return r;
    }

    Optional<Row> current(String lgCode, String atenaNo) {
        return jdbc.sql(CURRENT + " where c.lg_code = ? and c.atena_no = ?").params(lgCode, atenaNo)
                .query(ResidentStore::map).optional();
    }

    /** The current version, with the person locked against concurrent changes until commit. */
    Optional<Row> currentForUpdate(String lgCode, String atenaNo) {
        boolean exists = jdbc.sql("select 1 from resident_current where lg_code = ? and atena_no = ? for update")
                .params(lgCode, atenaNo).query(Integer.class).optional().isPresent();
        return exists ? current(lgCode, atenaNo) : Optional.empty();
    }

    /** Current versions of the members of a household (those whose newest version is in it), in household order. */
    List<Row> members(String lgCode, String householdNo) {
        return jdbc.sql(CURRENT + " where c.lg_code = ? and c.household_no = ? and c.status = 'RESIDENT' order by r.household_order, r.atena_no")
                .params(lgCode, householdNo).query(ResidentStore::map).list();
    }

    List<Row> history(String lgCode, String atenaNo) {
        return jdbc.sql("select * from resident_record where lg_code = ? and atena_no = ? order by rireki_no")
                .params(lgCode, atenaNo).query(ResidentStore::map).list();
    }

    Optional<Row> version(String lgCode, String atenaNo, int rirekiNo) {
        return jdbc.sql("select * from resident_record where lg_code = ? and atena_no = ? and rireki_no = ?")
                .params(lgCode, atenaNo, rirekiNo).query(ResidentStore::map).optional();
    }

    /**
     * The version that says what was true on a date (yyyyMMdd): the latest 異動日 not after it, and among versions
     * of the same 異動日 the newest (a correction or cancellation of that 異動 wins).
     */
    Optional<Row> asOf(String lgCode, String atenaNo, String dateSort) {
        return jdbc.sql("""
                        select * from resident_record where lg_code = ? and atena_no = ? and effective_sort <= ?
                        order by effective_sort desc, rireki_no desc limit 1""")
                .params(lgCode, atenaNo, dateSort).query(ResidentStore::map).optional();
    }

    /** {@link #asOf(String, String, String)} for several persons in one query. */
    List<Row> asOf(String lgCode, List<String> atenaNos, String dateSort) {
        return jdbc.sql("""
                        select distinct on (atena_no) * from resident_record
                        where lg_code = ? and atena_no = any (?) and effective_sort <= ?
                        order by atena_no, effective_sort desc, rireki_no desc""")
                .params(lgCode, atenaNos.toArray(String[]::new), dateSort).query(ResidentStore::map).list();
    }

    /** The version that was newest at an instant (what the registry said then). */
    Optional<Row> recordedAsOf(String lgCode, String atenaNo, Timestamp at) {
        return jdbc.sql("""
                        select * from resident_record where lg_code = ? and atena_no = ? and recorded_at <= ?
                        order by rireki_no desc limit 1""")
                .params(lgCode, atenaNo, at).query(ResidentStore::map).optional();
    }

    List<Row> writtenBy(String lgCode, long notificationNo) {
        return jdbc.sql("select * from resident_record where lg_code = ? and notification_no = ? order by atena_no")
                .params(lgCode, notificationNo).query(ResidentStore::map).list();
    }

    // ---- uniqueness checks among other persons' current versions

    boolean individualNumberUsedByOther(String lgCode, String number, String atenaNo) {
        return jdbc.sql(CURRENT + " where c.lg_code = ? and r.individual_number = ? and r.atena_no <> ? and c.status = 'RESIDENT' limit 1")
                .params(lgCode, number, atenaNo == null ? "" : atenaNo).query(ResidentStore::map).optional().isPresent();
    }

    boolean juminhyoCodeUsedByOther(String lgCode, String code, String atenaNo) {
        return jdbc.sql(CURRENT + " where c.lg_code = ? and r.juminhyo_code = ? and r.atena_no <> ? limit 1")
                .params(lgCode, code, atenaNo == null ? "" : atenaNo).query(ResidentStore::map).optional().isPresent();
    }

    /** Current residents with the same folded name and 生年月日 (a possible double registration). */
    List<Row> sameNameAndBirth(String lgCode, String name, String birthSort) {
        return jdbc.sql(CURRENT + " where c.lg_code = ? and c.status = 'RESIDENT' and r.name_key = ? and r.birth_sort = ?")
                .params(lgCode, SearchKey.name(name), birthSort).query(ResidentStore::map).list();
    }

    // ---- households

    void createHousehold(String lgCode, String householdNo, LocalDate createdOn) {
        jdbc.sql("insert into household (lg_code, household_no, created_on, version) values (?, ?, ?, 1)")
                .params(lgCode, householdNo, Date.valueOf(createdOn)).update();
    }

    /** Locks a household and returns its version, or empty if there is no such household. */
    Optional<Integer> lockHousehold(String lgCode, String householdNo) {
        return jdbc.sql("select version from household where lg_code = ? and household_no = ? for update")
                .params(lgCode, householdNo).query(Integer.class).optional();
    }

    int bumpHousehold(String lgCode, String householdNo, boolean dissolved, LocalDate on) {
        return jdbc.sql("""
                        update household set version = version + 1,
                            dissolved_on = case when ? then coalesce(dissolved_on, ?) else null end
                        where lg_code = ? and household_no = ? returning version""")
                .params(dissolved, date(on), lgCode, householdNo).query(Integer.class).single();
    }

    Optional<Integer> householdVersion(String lgCode, String householdNo) {
        return jdbc.sql("select version from household where lg_code = ? and household_no = ?")
                .params(lgCode, householdNo).query(Integer.class).optional();
    }

    // ---- numbering

    /**
     * The next 宛名番号 or 世帯番号: a per-tenant sequence of 9-digit bases with the M11W2-7 check digit; a base
     * whose remainder would give check digit 10 is skipped (the standard does not define it, §1.1.13).
     */
    String nextNumber(String lgCode, String kind) {
        while (true) {
            long base = nextBase(lgCode, kind);
            String digits = String.format("%09d", base);
            if (CheckDigits.isIssuableAtenaBase(digits)) {
                return CheckDigits.appendAtenaNoCheckDigit(digits);
            }
        }
    }

    long nextNotificationNo(String lgCode) {
        return nextBase(lgCode, "NOTIFICATION");
    }

    /** The next plain number of a per-tenant sequence (notifications, 支援措置, releases). */
    long nextNumberBase(String lgCode, String kind) {
        return nextBase(lgCode, kind);
    }

    private long nextBase(String lgCode, String kind) {
        return jdbc.sql("""
                        insert into resident_number_sequence (lg_code, kind, last_base) values (?, ?, 1)
                        on conflict (lg_code, kind) do update set last_base = resident_number_sequence.last_base + 1
                        returning last_base""")
                .params(lgCode, kind).query(Long.class).single();
    }

    // ---- notifications

    void insertNotification(String lgCode, long no, String type, String effectiveDate, LocalDate notifiedOn,
                            String officeCode, String operator, Long cancels, String request, Timestamp at,
                            String idempotencyKey) {
        jdbc.sql("""
                        insert into resident_notification (lg_code, notification_no, type, effective_date, notified_on,
                            recorded_at, office_code, operator, cancels_no, request, idempotency_key)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lgCode, no, type, effectiveDate, date(notifiedOn), at, officeCode, operator, cancels, request,
                        idempotencyKey)
                .update();
    }

    /** A notification recorded under an Idempotency-Key: its number, type and request. */
    record Recorded(long notificationNo, String type, String request) {
    }

    Optional<Recorded> byIdempotencyKey(String lgCode, String key) {
        return jdbc.sql("select notification_no, type, request from resident_notification where lg_code = ? and idempotency_key = ?")
                .params(lgCode, key)
                .query((rs, n) -> new Recorded(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    Optional<String> notificationType(String lgCode, long no) {
        return jdbc.sql("select type from resident_notification where lg_code = ? and notification_no = ?")
                .params(lgCode, no).query(String.class).optional();
    }

    boolean isCancelled(String lgCode, long no) {
        return jdbc.sql("select count(*) from resident_notification where lg_code = ? and cancels_no = ?")
                .params(lgCode, no).query(Integer.class).single() > 0;
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
