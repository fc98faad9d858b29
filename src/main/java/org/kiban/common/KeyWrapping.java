package org.kiban.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a secret for storage in the database under the deployment's master secret, with AES-256-GCM: a
 * tenant's signing key (PKCS#12), a webhook's HMAC key. One instance serves the application (the platform's bean).
 *
 * <p>Keys: a key-encryption key is derived from the configured secret once per instance with
 * PBKDF2-HMAC-SHA-256, 600,000 iterations (OWASP Password Storage Cheat Sheet), so that a weak secret is
 * still costly to guess (0.6 s cold, 0.14 s warm, measured on a 2-core machine: one instance should serve
 * the application). Each blob then gets its own AES key, HKDF-SHA-256 (RFC 5869) of that key with a random
 * 16-byte salt stored in the blob: a key encrypts one blob only, so the 96-bit random nonce never repeats
 * under a key (NIST SP 800-38D §8). The secret should be random, e.g. 32 bytes in Base64: PBKDF2's salt is
 * fixed, since the same secret must give the same key on every node.
 *
 * <p>Each blob is bound to a context, e.g. the tenant's 地方公共団体コード, as additional authenticated
 * data: a blob copied to another tenant's row does not unwrap.
 *
 * <p>Blob layout: version (1 byte, 1) ‖ salt (16) ‖ nonce (12) ‖ ciphertext with its 16-byte tag. Version and
 * salt are authenticated too.
 */
public final class KeyWrapping {

    /** Failure to unwrap: wrong secret, wrong context, or a blob that was altered. */
    public static final class UnwrapException extends RuntimeException {
        UnwrapException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final byte VERSION = 1;
    static final int SALT_BYTES = 16;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int ITERATIONS = 600_000;
    private static final int HEADER_BYTES = 1 + SALT_BYTES + NONCE_BYTES;
    /** Fixed for good: blobs wrapped since the first release (the class then lived in the certificate module) unwrap. */
    private static final byte[] PBKDF2_SALT = "org.kiban.certificate.KeyWrapping".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HKDF_INFO = "kiban key wrapping v1 AES-256-GCM".getBytes(StandardCharsets.US_ASCII);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] keyEncryptionKey;

    /**
     * @param secret the master secret from the configuration; at least 16 characters, better 32 random bytes
     *               in Base64
     */
    public KeyWrapping(char[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 16) {
            throw new IllegalArgumentException("the key-wrapping secret needs at least 16 characters");
        }
        PBEKeySpec spec = new PBEKeySpec(secret, PBKDF2_SALT, ITERATIONS, 256);
        try {
            this.keyEncryptionKey = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Encrypts {@code plaintext} bound to {@code context} (e.g. the tenant's code). */
    public byte[] wrap(byte[] plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(context, "context");
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(VERSION).put(salt).put(nonce).array();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, blobKey(salt), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(header, context));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(header.length + ciphertext.length).put(header).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Decrypts a blob made by {@link #wrap} with the same secret and context.
     *
     * @throws UnwrapException if the secret or context differ, or the blob was altered or truncated
     */
    public byte[] unwrap(byte[] blob, String context) {
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(context, "context");
        if (blob.length < HEADER_BYTES + TAG_BITS / 8 || blob[0] != VERSION) {
            throw new UnwrapException("not a wrapped key of version " + VERSION, null);
        }
        byte[] header = Arrays.copyOf(blob, HEADER_BYTES);
        byte[] salt = Arrays.copyOfRange(blob, 1, 1 + SALT_BYTES);
        byte[] nonce = Arrays.copyOfRange(blob, 1 + SALT_BYTES, HEADER_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, blobKey(salt), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(header, context));
            return cipher.doFinal(blob, HEADER_BYTES, blob.length - HEADER_BYTES);
        } catch (AEADBadTagException e) {
            throw new UnwrapException("cannot unwrap: wrong secret or context, or the blob was altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** HKDF-SHA-256 (RFC 5869 §2.2 and §2.3) of the key-encryption key: one 32-byte block, T(1). */
    private SecretKeySpec blobKey(byte[] salt) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] pseudoRandomKey = mac.doFinal(keyEncryptionKey);
        mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
        mac.update(HKDF_INFO);
        mac.update((byte) 1);
        return new SecretKeySpec(mac.doFinal(), "AES");
    }

    private static byte[] aad(byte[] header, String context) {
        byte[] contextBytes = context.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + contextBytes.length).put(header).put(contextBytes).array();
    }
}
