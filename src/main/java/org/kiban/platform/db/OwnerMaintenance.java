package org.kiban.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.kiban.platform.DatabaseMaintenance;
import org.springframework.stereotype.Component;

@Component
class OwnerMaintenance implements DatabaseMaintenance {

    private final DatabaseServer server;

    OwnerMaintenance(DatabaseServer server) {
        this.server = server;
    }

    @Override
    public void analyze(String... tables) {
        if (!server.hasOwner()) {
            return;
        }
        try (Connection c = server.ownerConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                if (!table.matches("[a-z_]+")) {
                    throw new IllegalArgumentException(table);
                }
                s.execute("analyze " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("analyze failed: " + e.getMessage(), e);
        }
    }
}
