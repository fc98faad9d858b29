package org.kiban.platform.db;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * PostgreSQL wiring: the server (embedded unless {@code KIBAN_DB_URL} is set), Flyway migrations run as the
 * schema owner, and the application pool connecting as the non-owner role that row-level security binds.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
class DatabaseConfiguration {

    @Bean
    DatabaseServer databaseServer(DatabaseSettings settings) {
        return new DatabaseServer(settings);
    }

    /**
     * Migrations live beside each module under {@code db/migration/<module>/} and are versioned by date so
     * that modules added later sort after what is already applied. {@link Callback} beans (reference data
     * loaders) run with the owner's connection after migrating.
     */
    @Bean
    DatabaseMigrations databaseMigrations(DatabaseServer server, DatabaseSettings settings, List<Callback> callbacks) {
        DatabaseMigrations migrations = new DatabaseMigrations();
        if (server.hasOwner()) {
            Flyway flyway = Flyway.configure()
                    .dataSource(server.url(), server.ownerUser(), server.ownerPassword())
                    .locations("classpath:db/migration")
                    .placeholders(Map.of("appRole", settings.user()))
                    .callbacks(callbacks.toArray(Callback[]::new))
                    .load();
            migrations.result = flyway.migrate();
        }
        return migrations;
    }

    @Bean
    @Primary
    DataSource dataSource(DatabaseServer server, DatabaseSettings settings, DatabaseMigrations migrations) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("kiban");
        config.setJdbcUrl(server.url());
        config.setUsername(server.appUser());
        config.setPassword(server.appPassword());
        config.setMaximumPoolSize(settings.poolSize());
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new TenantAwareTransactionManager(dataSource);
    }

    /** Marker that migrations have run; the application pool depends on it. */
    static final class DatabaseMigrations {
        org.flywaydb.core.api.output.MigrateResult result;
    }
}
