package org.kiban.platform.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.List;

import org.kiban.platform.DatabaseMaintenance;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

@Component
class OwnerMaintenance implements DatabaseMaintenance {

    private final DatabaseServer server;

    OwnerMaintenance(DatabaseServer server) {
        this.server = server;
    }

    @Override
    public void vacuumAnalyze(String... tables) {
        if (!server.hasOwner()) {
            return;
        }
        try (Connection c = server.ownerConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                if (!table.matches("[a-z_]+")) {
                    throw new IllegalArgumentException(table);
                }
                s.execute("vacuum (analyze) " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("vacuum failed: " + e.getMessage(), e);
        }
    }

    @Override
    public double bareCopyRolledBack(List<BareCopy> loads) {
        if (!server.hasOwner()) {
            throw new IllegalStateException("the schema owner's credentials are not known");
        }
        try (Connection c = server.ownerConnection()) {
            c.setAutoCommit(false);
            try {
                long start = System.nanoTime();
                for (BareCopy load : loads) {
                    if (!load.table().matches("[a-z_]+") || !load.columns().stream().allMatch(col -> col.matches("[a-z_0-9]+"))) {
                        throw new IllegalArgumentException(load.table() + " " + load.columns());
                    }
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(load.file()), 1 << 16)) {
                        c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + load.table() + " ("
                                + String.join(", ", load.columns()) + ") from stdin", in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return (System.nanoTime() - start) / 1e9;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bare COPY failed: " + e.getMessage(), e);
        }
    }
}
