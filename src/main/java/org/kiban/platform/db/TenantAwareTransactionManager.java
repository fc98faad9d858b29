package org.kiban.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.kiban.platform.TenantContext;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Starts every transaction with the tenant and actor of the current {@link TenantContext}
 * ({@code set_config(..., true)} is {@code SET LOCAL}: it ends with the transaction, so a pooled connection
 * never carries one tenant's context into another's work). Row-level security policies read
 * {@code kiban.lg_code}; with none set they match no rows.
 */
class TenantAwareTransactionManager extends JdbcTransactionManager {

    TenantAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        try (PreparedStatement ps = con.prepareStatement(
                "select set_config('kiban.lg_code', ?, true), set_config('kiban.actor', ?, true)")) {
            ps.setString(1, TenantContext.currentLgCode().orElse(""));
            ps.setString(2, TenantContext.currentActor().qualifiedId());
            ps.execute();
        }
    }
}
