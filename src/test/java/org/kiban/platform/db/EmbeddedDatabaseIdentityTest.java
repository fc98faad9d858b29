package org.kiban.platform.db;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiban.KibanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command joins an embedded server only if that server holds its data directory: a PostgreSQL of another data
 * directory answering on the configured port is never taken for its own (it was, once, during a benchmark).
 */
@KibanIntegrationTest
class EmbeddedDatabaseIdentityTest {

    @Autowired
    DatabaseServer server;

    @Test
    void theServerOnAPortIsRecognisedByItsDataDirectory(@TempDir Path elsewhere) throws Exception {
        int port = java.net.URI.create(server.url().substring("jdbc:".length())).getPort();
        // Whatever server this is (embedded, or CI's PostgreSQL 15), its data is not in an empty folder.
        assertThat(EmbeddedDatabase.serves(port, elsewhere)).isFalse();
        if (server.embedded()) {
            Path own = Path.of("target/test-postgres").toAbsolutePath();
            assertThat(EmbeddedDatabase.serves(port, own)).isTrue();
            assertThat(EmbeddedDatabase.runningPort(own)).isEqualTo(port);
        }
    }
}
