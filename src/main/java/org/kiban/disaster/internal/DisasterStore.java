package org.kiban.disaster.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.kiban.disaster.AidScope;
import org.kiban.disaster.Disaster;
import org.kiban.disaster.MutualAidAgreement;
import org.kiban.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agreements and disasters of the current tenant (row-level security keeps every query to it). */
@Repository
class DisasterStore {

    private final JdbcClient jdbc;

    DisasterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<MutualAidAgreement> agreements() {
        return jdbc.sql("select * from mutual_aid_agreement where lg_code = ? order by valid_from desc, agreement_no")
                .param(TenantContext.requireLgCode()).query(DisasterStore::agreement).list();
    }

    Optional<MutualAidAgreement> agreement(String agreementNo) {
        return jdbc.sql("select * from mutual_aid_agreement where lg_code = ? and agreement_no = ?")
                .params(TenantContext.requireLgCode(), agreementNo).query(DisasterStore::agreement).optional();
    }

    /** This tenant's copies of agreements that name {@code party}. */
    List<MutualAidAgreement> agreementsNaming(String party) {
        return jdbc.sql("select * from mutual_aid_agreement where lg_code = ? and ?::char(6) = any (parties) order by agreement_no")
                .params(TenantContext.requireLgCode(), party).query(DisasterStore::agreement).list();
    }

    void insert(MutualAidAgreement a) {
        jdbc.sql("""
                        insert into mutual_aid_agreement (lg_code, agreement_no, title, parties, valid_from, valid_to,
                            aid_days, scope, registered_at, registered_by)
                        values (?, ?, ?, ?::char(6)[], ?, ?, ?, ?::text[], ?, ?)""")
                .params(a.lgCode(), a.agreementNo(), a.title(), "{" + String.join(",", a.parties()) + "}",
                        Date.valueOf(a.validFrom()), Date.valueOf(a.validTo()), a.aidDays(),
                        "{" + String.join(",", a.scope().stream().map(Enum::name).toList()) + "}",
                        Timestamp.from(Instant.now()), TenantContext.currentActor().qualifiedId())
                .update();
    }

    List<Disaster> disasters() {
        return jdbc.sql("select * from disaster where lg_code = ? order by disaster_no desc")
                .param(TenantContext.requireLgCode()).query(DisasterStore::disaster).list();
    }

    Optional<Disaster> disaster(int disasterNo) {
        return jdbc.sql("select * from disaster where lg_code = ? and disaster_no = ?")
                .params(TenantContext.requireLgCode(), disasterNo).query(DisasterStore::disaster).optional();
    }

    /** Disasters declared under {@code agreementNo} whose aid period contains {@code on}. */
    List<Disaster> disastersInAid(String agreementNo, LocalDate on) {
        return jdbc.sql("""
                        select * from disaster where lg_code = ? and agreement_no = ? and aid_from <= ? and aid_until >= ?
                        order by disaster_no""")
                .params(TenantContext.requireLgCode(), agreementNo, Date.valueOf(on), Date.valueOf(on))
                .query(DisasterStore::disaster).list();
    }

    Disaster insert(String name, String kind, LocalDate occurredOn, String agreementNo, LocalDate aidFrom,
                    LocalDate aidUntil) {
        String lg = TenantContext.requireLgCode();
        // One declaration at a time per tenant: the lock keeps the numbers gap-free under concurrent declarations.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('disaster:' || ?))").param(lg).query().listOfRows();
        int no = jdbc.sql("select coalesce(max(disaster_no), 0) + 1 from disaster where lg_code = ?").param(lg)
                .query(Integer.class).single();
        jdbc.sql("""
                        insert into disaster (lg_code, disaster_no, name, kind, occurred_on, agreement_no, aid_from,
                            aid_until, declared_at, declared_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lg, no, name, kind, Date.valueOf(occurredOn), agreementNo,
                        aidFrom == null ? null : Date.valueOf(aidFrom), aidUntil == null ? null : Date.valueOf(aidUntil),
                        Timestamp.from(Instant.now()), TenantContext.currentActor().qualifiedId())
                .update();
        return disaster(no).orElseThrow();
    }

    void endAid(int disasterNo, LocalDate lastDay) {
        jdbc.sql("update disaster set aid_until = least(aid_until, ?) where lg_code = ? and disaster_no = ?")
                .params(Date.valueOf(lastDay), TenantContext.requireLgCode(), disasterNo).update();
    }

    static MutualAidAgreement agreement(ResultSet rs, int n) throws SQLException {
        Set<AidScope> scope = EnumSet.noneOf(AidScope.class);
        for (String s : strings(rs.getArray("scope"))) {
            scope.add(AidScope.valueOf(s));
        }
        return new MutualAidAgreement(rs.getString("lg_code"), rs.getString("agreement_no"), rs.getString("title"),
                strings(rs.getArray("parties")), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getInt("aid_days"), scope);
    }

    static Disaster disaster(ResultSet rs, int n) throws SQLException {
        return new Disaster(rs.getString("lg_code"), rs.getInt("disaster_no"), rs.getString("name"), rs.getString("kind"),
                rs.getObject("occurred_on", LocalDate.class), rs.getString("agreement_no"),
                rs.getObject("aid_from", LocalDate.class), rs.getObject("aid_until", LocalDate.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(o -> o.toString().strip()).toList();
    }
}
