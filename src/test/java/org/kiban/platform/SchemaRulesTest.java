package org.kiban.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.platform.db.DatabaseServer;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema keeps ARCHITECTURE §2: every table holding tenant data has {@code lg_code} first in its primary key
 * and in every foreign key, and forced row-level security; the application role owns nothing.
 */
@KibanIntegrationTest
class SchemaRulesTest {

    /**
     * Tables with lg_code that are not tenant-owned: reference data, the operator's registry of tenants, the login
     * directory, and the public verification facts of certificates (no personal data; read without signing in);
     * the operator's onboarding records (rehearsals, groups, contract ends of municipalities not yet tenants).
     */
    private static final Set<String> NOT_TENANT_OWNED = Set.of("local_government", "tenant", "tenant_state_change",
            "staff_login", "certificate_verification", "migration_rehearsal", "onboarding_group_member",
            "municipality_onboarding");

    @Autowired
    DatabaseServer db;

    private List<String> strings(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private List<String> tenantTables(Connection c) throws Exception {
        List<String> tables = strings(c, """
                select c.table_name from information_schema.columns c
                join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
                where c.table_schema = 'public' and c.column_name = 'lg_code' and t.table_type = 'BASE TABLE'
                order by 1""");
        tables.removeAll(NOT_TENANT_OWNED);
        return tables;
    }

    @Test
    void tenantTablesExistAndForceRowLevelSecurity() throws Exception {
        try (Connection c = db.ownerConnection()) {
            List<String> tables = tenantTables(c);
            assertThat(tables).contains("office", "staff", "duty_assignment", "api_token", "parameter_value",
                    "audit_entry", "audit_chain_head");
            List<String> unprotected = strings(c, """
                    select relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace
                    and not (relrowsecurity and relforcerowsecurity)""");
            assertThat(unprotected).doesNotContainAnyElementsOf(tables);
            List<String> withPolicy = strings(c, "select tablename from pg_policies where policyname = 'tenant_isolation'");
            assertThat(withPolicy).containsAll(tables);
        }
    }

    @Test
    void lgCodeLeadsEveryPrimaryAndForeignKey() throws Exception {
        try (Connection c = db.ownerConnection()) {
            List<String> tables = tenantTables(c);
            // staff_login is keyed by the login name (unique across the deployment) and only points to a tenant.
            tables.addAll(List.of("local_government", "tenant", "tenant_state_change"));
            List<String> violations = strings(c, """
                    select con.conrelid::regclass || ' ' || con.conname from pg_constraint con
                    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
                    where con.contype in ('p', 'f') and con.connamespace = 'public'::regnamespace
                      and con.conrelid::regclass::text = any (array['%s'])
                      and a.attname <> 'lg_code'
                      and not (con.contype = 'f' and con.confrelid = 'local_government'::regclass)""".formatted(
                    String.join("','", tables)));
            assertThat(violations).isEmpty();
        }
    }

    @Test
    void applicationRoleOwnsNothingAndCannotBypassSecurity() throws Exception {
        try (Connection c = db.ownerConnection()) {
            assertThat(strings(c, "select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = '"
                    + db.appUser() + "')")).containsExactly("0");
            assertThat(strings(c, "select rolsuper or rolbypassrls from pg_roles where rolname = '" + db.appUser() + "'"))
                    .containsExactly("f");
        }
    }
}
