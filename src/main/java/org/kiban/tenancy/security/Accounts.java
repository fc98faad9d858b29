package org.kiban.tenancy.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.parameter.Parameters;
import org.kiban.platform.Actor;
import org.kiban.platform.Permissions;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.DutyAssignment;
import org.kiban.tenancy.StaffRole;
import org.kiban.tenancy.TenancyParameters;
import org.kiban.tenancy.internal.StaffService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in accounts: staff (found through the {@code staff_login} directory, then read under their tenant's
 * row-level security) and deployment operators. Counts failures and locks accounts per the tenant's parameters.
 */
@Component
class Accounts {

    /** An account as sign-in needs it. */
    record Account(Actor.Kind kind, String username, String displayName, String lgCode, String officeCode,
                   String passwordHash, boolean demo, boolean enabled, Instant lockedUntil, Set<String> roles,
                   Set<String> permissions) {

        KibanUser toUser() {
            return new KibanUser(kind, username, displayName, lgCode, officeCode, roles, permissions);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final StaffService staff;
    private final Parameters parameters;
    private final AuditTrail audit;

    Accounts(JdbcClient jdbc, TransactionTemplate tx, StaffService staff, Parameters parameters, AuditTrail audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.staff = staff;
        this.parameters = parameters;
        this.audit = audit;
    }

    Optional<Account> find(String username) {
        Optional<Account> operator = jdbc.sql("select * from operator_account where username = ?").param(username)
                .query((rs, n) -> new Account(Actor.Kind.OPERATOR, username, rs.getString("display_name"), null, null,
                        rs.getString("password_hash"), rs.getBoolean("demo_account"), rs.getBoolean("enabled"),
                        instant(rs.getTimestamp("locked_until")), Set.of("OPERATOR"),
                        Set.of(Permissions.TENANT_MANAGE, Permissions.TENANT_READ, Permissions.MUNICIPALITY_READ,
                                Permissions.INSIGHT_READ, Permissions.INSIGHT_WRITE)))
                .optional();
        if (operator.isPresent()) {
            return operator;
        }
        Optional<String> lgCode = jdbc.sql("select lg_code from staff_login where username = ?").param(username)
                .query(String.class).optional();
        return lgCode.flatMap(lg -> TenantContext.callAs(lg, Actor.system("sign-in"), () -> tx.execute(s -> jdbc.sql(
                        "select * from staff where lg_code = ? and staff_id = ?").params(lg, username)
                .query((rs, n) -> {
                    Set<String> roles = new TreeSet<>();
                    Set<String> permissions = new HashSet<>(StaffRole.BASE_PERMISSIONS);
                    for (DutyAssignment d : staff.duties(username, LocalDate.now())) {
                        roles.add(d.role().name());
                        permissions.addAll(d.role().permissions());
                    }
                    return new Account(Actor.Kind.STAFF, username, rs.getString("display_name"), lg,
                            rs.getString("office_code"), rs.getString("password_hash"), rs.getBoolean("demo_account"),
                            rs.getBoolean("enabled"), instant(rs.getTimestamp("locked_until")), roles, Set.copyOf(permissions));
                }).optional())));
    }

    /** Records a failed attempt; returns whether the account is now locked. Commits even though sign-in fails. */
    boolean recordFailure(Account account) {
        if (account.kind() == Actor.Kind.OPERATOR) {
            return Boolean.TRUE.equals(tx.execute(s -> lockIfNeeded("operator_account", "username = ?", 5, 15,
                    account.username())));
        }
        return TenantContext.callAs(account.lgCode(), account.toUser().actor(), () -> tx.execute(s -> {
            LocalDate today = LocalDate.now();
            int threshold = (int) parameters.longValue(TenancyParameters.LOCKOUT_THRESHOLD, today);
            int minutes = (int) parameters.longValue(TenancyParameters.LOCKOUT_MINUTES, today);
            boolean locked = lockIfNeeded("staff", "lg_code = ? and staff_id = ?", threshold, minutes,
                    account.lgCode(), account.username());
            audit.record(AuditEvent.of("login.failed", "staff", account.username(), Map.of("locked", locked)));
            return locked;
        }));
    }

    /** {@code table} and {@code where} are constants of this class; {@code keys} fill the where's placeholders. */
    private boolean lockIfNeeded(String table, String where, int threshold, int minutes, Object... keys) {
        int failures = jdbc.sql("update " + table + " set failed_attempts = failed_attempts + 1 where " + where
                + " returning failed_attempts").params(keys).query(Integer.class).single();
        if (failures >= threshold) {
            Object[] args = new Object[keys.length + 1];
            args[0] = Timestamp.from(Instant.now().plus(Duration.ofMinutes(minutes)));
            System.arraycopy(keys, 0, args, 1, keys.length);
            jdbc.sql("update " + table + " set locked_until = ?, failed_attempts = 0 where " + where).params(args).update();
            return true;
        }
        return false;
    }

    /** Resets the failure count and records the sign-in; returns the tenant's session timeout in minutes. */
    int recordSuccess(Account account) {
        if (account.kind() == Actor.Kind.OPERATOR) {
            tx.executeWithoutResult(s -> jdbc.sql("update operator_account set failed_attempts = 0, locked_until = null where username = ?")
                    .param(account.username()).update());
            return 30;
        }
        return TenantContext.callAs(account.lgCode(), account.toUser().actor(), () -> tx.execute(s -> {
            jdbc.sql("update staff set failed_attempts = 0, locked_until = null where lg_code = ? and staff_id = ?")
                    .params(account.lgCode(), account.username()).update();
            audit.record(AuditEvent.of("login.succeeded", "staff", account.username()));
            return (int) parameters.longValue(TenancyParameters.SESSION_TIMEOUT, LocalDate.now());
        }));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
