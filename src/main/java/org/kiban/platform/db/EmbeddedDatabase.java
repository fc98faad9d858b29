package org.kiban.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of the default run mode and of the tests. One server per data directory and JVM,
 * reference-counted so that several Spring contexts (tests) share it and the last one to close stops it.
 */
final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, Running> RUNNING = new HashMap<>();

    private record Running(EmbeddedPostgres server, int[] references) { }

    private EmbeddedDatabase() {
    }

    /** Starts (or joins) the server for {@code settings}; returns its port. */
    static synchronized int acquire(DatabaseSettings.Embedded settings) {
        Path dir = settings.dataDirectory().toAbsolutePath().normalize();
        Running running = RUNNING.get(dir);
        if (running == null) {
            try {
                Files.createDirectories(dir);
                int port = settings.port() == 0 ? freePort() : settings.port();
                if (settings.port() != 0 && isUp(port) && !serves(port, dir)) {
                    // zonky would take any server answering on the port for its own: never use another's database.
                    throw new IllegalStateException("port " + port + " is in use by another PostgreSQL (not the one of "
                            + dir + "): set KIBAN_DB_EMBEDDED_PORT to a free port, or 0 for any");
                }
                long start = System.nanoTime();
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(settings.clean())
                        .setPort(port)
                        .setRegisterShutdownHook(false)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("max_connections", "200")
                        .start();
                log.info("embedded PostgreSQL started on port {} with data in {} ({} ms)", port, dir,
                        (System.nanoTime() - start) / 1_000_000);
                running = new Running(server, new int[] {0});
                RUNNING.put(dir, running);
                Running toStop = running;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(dir, toStop), "embedded-pg-stop"));
            } catch (IllegalStateException e) {
                // Another Kiban (the server) holds this data directory: work on its running database.
                // The port is the one that server wrote into this data directory (postmaster.pid, line 4), never
                // merely the configured one: another data directory's server may listen there.
                int port = runningPort(dir);
                if (String.valueOf(e.getMessage()).contains("could not lock") && port > 0 && isUp(port) && serves(port, dir)) {
                    log.info("embedded PostgreSQL in {} is already running on port {}; using it", dir, port);
                    return port;
                }
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL failed to start in " + dir, e);
            }
        }
        running.references()[0]++;
        return running.server().getPort();
    }

    static synchronized void release(DatabaseSettings.Embedded settings) {
        Path dir = settings.dataDirectory().toAbsolutePath().normalize();
        Running running = RUNNING.get(dir);
        if (running != null && --running.references()[0] <= 0) {
            stopQuietly(dir, running);
        }
    }

    private static synchronized void stopQuietly(Path dir, Running running) {
        if (RUNNING.remove(dir, running)) {
            try {
                running.server().close();
                log.info("embedded PostgreSQL in {} stopped", dir);
            } catch (IOException e) {
                log.warn("embedded PostgreSQL in {} did not stop cleanly", dir, e);
            }
        }
    }

    /** Whether the PostgreSQL on {@code port} is the one whose data is in {@code dir} (asked as its superuser). */
    static boolean serves(int port, Path dir) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("show data_directory")) {
            return rs.next() && Path.of(rs.getString(1)).toRealPath().equals(dir.toRealPath());
        } catch (java.sql.SQLException | IOException | RuntimeException e) {
            return false;
        }
    }

    /** The port in {@code dir/postmaster.pid}, or -1. */
    static int runningPort(Path dir) {
        try {
            var lines = Files.readAllLines(dir.resolve("postmaster.pid"));
            return lines.size() > 3 ? Integer.parseInt(lines.get(3).strip()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isUp(int port) {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
