package org.kiban.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The PostgreSQL server Kiban runs on and the two ways in: as the schema owner (migrations, reference data)
 * and as the application role (everything else, under row-level security). In embedded mode it starts the
 * server, creates the {@code kiban} database and the application role.
 */
public final class DatabaseServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);
    static final String EMBEDDED_SUPERUSER = "postgres";
    static final String EMBEDDED_DATABASE = "kiban";

    private final DatabaseSettings settings;
    private final String appUrl;
    private final String ownerUser;
    private final String ownerPassword;

    DatabaseServer(DatabaseSettings settings) {
        this.settings = settings;
        if (settings.isEmbedded()) {
            int port = EmbeddedDatabase.acquire(settings.embedded());
            this.appUrl = "jdbc:postgresql://localhost:" + port + "/" + EMBEDDED_DATABASE;
            this.ownerUser = EMBEDDED_SUPERUSER;
            this.ownerPassword = "";
            createEmbeddedDatabase(port);
        } else {
            this.appUrl = settings.url();
            this.ownerUser = settings.ownerUser();
            this.ownerPassword = settings.ownerPassword() == null ? "" : settings.ownerPassword();
        }
        if (hasOwner()) {
            ensureApplicationRole();
        }
    }

    public boolean embedded() {
        return settings.isEmbedded();
    }

    public String url() {
        return appUrl;
    }

    public String appUser() {
        return settings.user();
    }

    public String appPassword() {
        return settings.password();
    }

    /** Whether the owner's credentials are known, so migrations and reference-data loads can run. */
    public boolean hasOwner() {
        return ownerUser != null && !ownerUser.isBlank();
    }

    /** A new connection as the schema owner; for migrations, reference data and operator tooling only. */
    public Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(appUrl, ownerUser, ownerPassword);
    }

    String ownerUser() {
        return ownerUser;
    }

    String ownerPassword() {
        return ownerPassword;
    }

    private void createEmbeddedDatabase(int port) {
        String adminUrl = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, EMBEDDED_SUPERUSER, "");
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, EMBEDDED_DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("create database " + EMBEDDED_DATABASE + " encoding 'UTF8' template template0");
                    }
                    log.info("created database {}", EMBEDDED_DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the embedded database", e);
        }
    }

    /**
     * The application role must exist, log in, and be neither superuser nor BYPASSRLS, or row-level security
     * would not protect tenants from each other.
     */
    private void ensureApplicationRole() {
        String role = settings.user();
        if (!role.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("kiban.db.user must be a plain lower-case role name: " + role);
        }
        try (Connection c = ownerConnection()) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("select rolsuper or rolbypassrls from pg_roles where rolname = ?")) {
                ps.setString(1, role);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                    if (exists && rs.getBoolean(1)) {
                        throw new IllegalStateException("role " + role + " bypasses row-level security; use a plain role");
                    }
                }
            }
            if (!exists) {
                try (Statement s = c.createStatement()) {
                    s.execute("create role " + role + " login password '" + settings.password().replace("'", "''") + "'");
                }
                log.info("created application role {}", role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the application role " + role + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        if (settings.isEmbedded()) {
            EmbeddedDatabase.release(settings.embedded());
        }
    }
}
