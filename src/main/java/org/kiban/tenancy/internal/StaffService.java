package org.kiban.tenancy.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.parameter.Parameters;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.DutyAssignment;
import org.kiban.tenancy.StaffMember;
import org.kiban.tenancy.StaffRole;
import org.kiban.tenancy.TenancyParameters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff of the current tenant and their duties (事務分掌). */
@Service
public class StaffService {

    private static final String LOGIN_NAME = "[a-z0-9][a-z0-9._-]{2,39}";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Parameters parameters;
    private final AuditTrail audit;

    StaffService(JdbcClient jdbc, PasswordEncoder passwords, Parameters parameters, AuditTrail audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.parameters = parameters;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<StaffMember> list() {
        String lgCode = TenantContext.requireLgCode();
        LocalDate today = LocalDate.now();
        return jdbc.sql("select * from staff where lg_code = ? order by staff_id").param(lgCode)
                .query((rs, n) -> new StaffMember(lgCode, rs.getString("staff_id"), rs.getString("display_name"),
                        rs.getString("office_code"), rs.getBoolean("enabled"),
                        rs.getTimestamp("locked_until") != null && rs.getTimestamp("locked_until").toInstant().isAfter(Instant.now()),
                        List.of()))
                .list().stream()
                .map(s -> new StaffMember(s.lgCode(), s.staffId(), s.displayName(), s.officeCode(), s.enabled(), s.locked(),
                        duties(s.staffId(), today)))
                .toList();
    }

    @Transactional(readOnly = true)
    public StaffMember get(String staffId) {
        return list().stream().filter(s -> s.staffId().equals(staffId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("職員", staffId));
    }

    /** Duties of a staff member in effect on {@code on}. */
    @Transactional(readOnly = true)
    public List<DutyAssignment> duties(String staffId, LocalDate on) {
        return jdbc.sql("""
                        select role, office_code, valid_from, valid_to from duty_assignment
                        where lg_code = ? and staff_id = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
                        order by role""")
                .params(TenantContext.requireLgCode(), staffId, Date.valueOf(on), Date.valueOf(on))
                .query((rs, n) -> {
                    StaffRole role = StaffRole.valueOf(rs.getString(1));
                    return new DutyAssignment(role, role.label(), rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class));
                })
                .list();
    }

    /** Creates a staff member with an initial password and duties from today. */
    @Transactional
    public StaffMember create(String staffId, String displayName, String officeCode, String password,
                              Collection<StaffRole> roles, boolean demoAccount) {
        String lgCode = TenantContext.requireLgCode();
        if (staffId == null || !staffId.matches(LOGIN_NAME)) {
            throw ProblemException.badRequest("invalid-login-name", String.valueOf(staffId));
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            throw ProblemException.badRequest("invalid-display-name");
        }
        requireOffice(lgCode, officeCode);
        checkPassword(password);
        if (jdbc.sql("select count(*) from staff_login where username = ?").param(staffId).query(Integer.class).single() > 0) {
            throw ProblemException.conflict("login-name-taken", staffId);
        }
        jdbc.sql("insert into staff_login (username, lg_code, staff_id) values (?, ?, ?)").params(staffId, lgCode, staffId).update();
        jdbc.sql("""
                        insert into staff (lg_code, staff_id, display_name, office_code, password_hash, demo_account, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(lgCode, staffId, displayName, officeCode, passwords.encode(password), demoAccount,
                        Timestamp.from(Instant.now()))
                .update();
        insertDuties(lgCode, staffId, roles, null, LocalDate.now());
        audit.record(AuditEvent.of("staff.created", "staff", staffId,
                Map.of("officeCode", officeCode, "roles", new TreeSet<>(roles.stream().map(Enum::name).toList()))));
        return get(staffId);
    }

    /**
     * Replaces a staff member's duties from {@code validFrom}: current duties end that day, the new ones start;
     * earlier assignments stay as history.
     */
    @Transactional
    public StaffMember assignDuties(String staffId, Set<StaffRole> roles, String officeCode, LocalDate validFrom) {
        String lgCode = TenantContext.requireLgCode();
        get(staffId);
        if (officeCode != null) {
            requireOffice(lgCode, officeCode);
        }
        LocalDate from = validFrom == null ? LocalDate.now() : validFrom;
        jdbc.sql("""
                        update duty_assignment set valid_to = ?
                        where lg_code = ? and staff_id = ? and (valid_to is null or valid_to > ?) and valid_from < ?""")
                .params(Date.valueOf(from), lgCode, staffId, Date.valueOf(from), Date.valueOf(from)).update();
        jdbc.sql("delete from duty_assignment where lg_code = ? and staff_id = ? and valid_from >= ?")
                .params(lgCode, staffId, Date.valueOf(from)).update();
        insertDuties(lgCode, staffId, roles, officeCode, from);
        audit.record(AuditEvent.of("staff.duties-assigned", "staff", staffId,
                Map.of("roles", new TreeSet<>(roles.stream().map(Enum::name).toList()), "validFrom", from.toString(),
                        "officeCode", String.valueOf(officeCode))));
        return get(staffId);
    }

    private void insertDuties(String lgCode, String staffId, Collection<StaffRole> roles, String officeCode, LocalDate from) {
        List<Object[]> rows = new ArrayList<>();
        for (StaffRole role : new TreeSet<>(roles)) {
            rows.add(new Object[] {lgCode, staffId, role.name(), officeCode, Date.valueOf(from)});
        }
        for (Object[] r : rows) {
            jdbc.sql("""
                            insert into duty_assignment (lg_code, staff_id, role, office_code, valid_from, assigned_at, assigned_by)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(r[0], r[1], r[2], r[3], r[4], Timestamp.from(Instant.now()),
                            TenantContext.currentActor().qualifiedId())
                    .update();
        }
    }

    private void requireOffice(String lgCode, String officeCode) {
        boolean exists = officeCode != null && jdbc.sql("select count(*) from office where lg_code = ? and office_code = ?")
                .params(lgCode, officeCode).query(Integer.class).single() > 0;
        if (!exists) {
            throw ProblemException.badRequest("unknown-office", String.valueOf(officeCode));
        }
    }

    private void checkPassword(String password) {
        long min = parameters.longValue(TenancyParameters.PASSWORD_MIN_LENGTH, LocalDate.now());
        if (password == null || password.length() < min || password.length() > 128) {
            throw ProblemException.badRequest("weak-password", min);
        }
    }
}
