package org.kiban.platform.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Kiban's PostgreSQL is. Without {@code kiban.db.url} (env {@code KIBAN_DB_URL}) Kiban starts an embedded
 * PostgreSQL whose data survives restarts in {@code embedded.dataDirectory}.
 *
 * @param url           JDBC URL of an external PostgreSQL (production), or empty for the embedded one
 * @param user          the application role: not the table owner, so row-level security applies to it
 * @param password      its password
 * @param ownerUser     the role that owns the schema and runs the migrations (empty: migrations are not run)
 * @param ownerPassword its password
 * @param poolSize      connections of the application pool
 * @param embedded      embedded server settings
 */
@ConfigurationProperties("kiban.db")
public record DatabaseSettings(
        String url,
        @DefaultValue("kiban_app") String user,
        @DefaultValue("kiban_app") String password,
        String ownerUser,
        String ownerPassword,
        @DefaultValue("10") int poolSize,
        @DefaultValue Embedded embedded) {

    /**
     * @param dataDirectory where the embedded cluster keeps its files
     * @param port          its port ({@code 0}: any free port)
     * @param clean         wipe the data at start (tests)
     */
    public record Embedded(@DefaultValue("data/postgres") Path dataDirectory,
                           @DefaultValue("54329") int port,
                           @DefaultValue("false") boolean clean) {
    }

    public boolean isEmbedded() {
        return url == null || url.isBlank();
    }
}
