package org.kiban.common;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyWrappingTest {

    private static final char[] SECRET = "c2VjcmV0LW1hc3Rlci1rZXktZm9yLXRlc3RzLW9ubHk=".toCharArray();
    /** Deriving the key costs PBKDF2's 600,000 iterations: one instance for the class. */
    private static final KeyWrapping WRAPPING = new KeyWrapping(SECRET);

    private static final byte[] PKCS12 = "pretend this is a PKCS#12 file".getBytes(StandardCharsets.UTF_8);

    @Test
    void wrapsAndUnwraps() {
        byte[] blob = WRAPPING.wrap(PKCS12, "141003");

        assertThat(blob).hasSize(1 + 16 + 12 + PKCS12.length + 16);
        assertThat(new String(blob, StandardCharsets.ISO_8859_1)).doesNotContain("PKCS#12");
        assertThat(WRAPPING.unwrap(blob, "141003")).isEqualTo(PKCS12);
        // A fresh nonce each time.
        assertThat(WRAPPING.wrap(PKCS12, "141003")).isNotEqualTo(blob);
    }

    @Test
    void aBlobMovedToAnotherTenantDoesNotUnwrap() {
        byte[] blob = WRAPPING.wrap(PKCS12, "141003");
        assertThatThrownBy(() -> WRAPPING.unwrap(blob, "182079")).isInstanceOf(KeyWrapping.UnwrapException.class);
    }

    @Test
    void anyAlteredByteIsDetected() {
        byte[] blob = WRAPPING.wrap(PKCS12, "141003");
        for (int i = 0; i < blob.length; i++) {
            byte[] altered = blob.clone();
            altered[i] ^= 0x40;
            int position = i;
            assertThatThrownBy(() -> WRAPPING.unwrap(altered, "141003")).as("byte %d", position)
                    .isInstanceOf(KeyWrapping.UnwrapException.class);
        }
        assertThatThrownBy(() -> WRAPPING.unwrap(new byte[10], "141003")).isInstanceOf(KeyWrapping.UnwrapException.class);
    }

    @Test
    void anotherInstanceWithTheSameSecretUnwrapsAnotherWithAnotherSecretDoesNot() {
        byte[] blob = WRAPPING.wrap(PKCS12, "141003");

        assertThat(new KeyWrapping(SECRET).unwrap(blob, "141003")).isEqualTo(PKCS12);
        assertThatThrownBy(() -> new KeyWrapping("another-master-secret-of-this-site".toCharArray()).unwrap(blob, "141003"))
                .isInstanceOf(KeyWrapping.UnwrapException.class);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new KeyWrapping("short".toCharArray())).isInstanceOf(IllegalArgumentException.class);
    }
}
