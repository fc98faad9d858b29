package org.kiban.certificate.internal.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Enumeration;
import java.util.Objects;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A tenant's signing key: generated here with a self-signed X.509 certificate naming the municipality and
 * its head (e.g. {@code CN=神奈川県横浜市長, O=横浜市, C=JP}), kept as a password-protected PKCS#12 file.
 *
 * <p>Self-signed because the certificate is not what a reader trusts: the verification page
 * ({@code /verify/{code}}) shows the SHA-256 of the issued PDF, and the tenant's certificate is published by
 * the municipality. A municipality with an LGPKI 職責証明書 can import its own PKCS#12 instead
 * ({@link #fromPkcs12}).
 *
 * <p>Pure Java and stateless: keys come from the JDK's providers, the certificate from Bouncy Castle's
 * builder; no provider is registered globally.
 */
public final class SigningKeys {

    /** Key types. RSA 3072 reaches 128-bit security (NIST SP 800-57 Part 1 Rev. 5, Table 2), as does P-256. */
    public enum Algorithm {
        /** RSA 3072 with SHA-256 (PKCS#1 v1.5): read by every PDF viewer. */
        RSA_3072("SHA256withRSA"),
        /** ECDSA on P-256 with SHA-256: smaller and faster to create. */
        EC_P256("SHA256withECDSA");

        private final String signatureAlgorithm;

        Algorithm(String signatureAlgorithm) {
            this.signatureAlgorithm = signatureAlgorithm;
        }

        /** The JCA name of the signature algorithm used with such a key. */
        public String signatureAlgorithm() {
            return signatureAlgorithm;
        }
    }

    /**
     * Validity of a generated certificate: a head's term is four years (地方自治法第140条); five years
     * leave a year to replace the key after an election.
     */
    public static final Period DEFAULT_VALIDITY = Period.ofYears(5);

    /** Alias of the key entry in a PKCS#12 file made here. */
    public static final String ALIAS = "kiban-signing";

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningKeys() {
    }

    /** A new RSA 3072 key, certificate valid from now for {@link #DEFAULT_VALIDITY}. */
    public static SigningIdentity generate(String municipality, String headTitle) {
        return generate(municipality, headTitle, Algorithm.RSA_3072, Instant.now(), DEFAULT_VALIDITY);
    }

    /**
     * A new key pair and a self-signed certificate for it.
     *
     * @param municipality the municipality's name, the certificate's O, e.g. 横浜市
     * @param headTitle    the head's 職名 as certificates print it, the certificate's CN, e.g. 神奈川県横浜市長
     * @param algorithm    key type
     * @param notBefore    start of validity
     * @param validity     length of validity
     */
    public static SigningIdentity generate(String municipality, String headTitle, Algorithm algorithm,
                                           Instant notBefore, Period validity) {
        requireText(municipality, "municipality");
        requireText(headTitle, "headTitle");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(validity, "validity");
        try {
            KeyPair keys = keyPair(algorithm);
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "JP")
                    .addRDN(BCStyle.O, municipality)
                    .addRDN(BCStyle.CN, headTitle)
                    .build();
            Instant start = notBefore.truncatedTo(ChronoUnit.SECONDS);
            Instant end = start.atZone(JAPAN).plus(validity).toInstant();
            // A positive random serial of 127 bits: unique without a register (RFC 5280 §4.1.2.2 allows 20 octets).
            BigInteger serial = new BigInteger(127, RANDOM).setBit(126);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject, serial, Date.from(start), Date.from(end), subject, keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    // digitalSignature and nonRepudiation (contentCommitment): a document signature (RFC 5280 §4.2.1.3).
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm.signatureAlgorithm()).build(keys.getPrivate())));
            return new SigningIdentity(keys.getPrivate(), new X509Certificate[] {certificate});
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot create a signing key", e);
        }
    }

    private static KeyPair keyPair(Algorithm algorithm) throws GeneralSecurityException {
        return switch (algorithm) {
            case RSA_3072 -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(3072, RANDOM);
                yield generator.generateKeyPair();
            }
            case EC_P256 -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                yield generator.generateKeyPair();
            }
        };
    }

    /** A new key ({@link #generate(String, String)}) as a PKCS#12 file protected by {@code password}. */
    public static byte[] createPkcs12(String municipality, String headTitle, char[] password) {
        return toPkcs12(generate(municipality, headTitle), password);
    }

    /**
     * The identity as a PKCS#12 file (RFC 7292) protected by {@code password}, with the JDK's default
     * protection (PBES2 with AES-256 and HMAC-SHA-256, JDK-8153005), one key entry under
     * {@link #ALIAS}.
     */
    public static byte[] toPkcs12(SigningIdentity identity, char[] password) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(password, "password");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, identity.privateKey(), password, identity.chain());
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write the PKCS#12 file", e);
        }
    }

    /**
     * Reads the first key entry of a PKCS#12 file, ours or one issued elsewhere.
     *
     * @throws IllegalArgumentException if the file is not PKCS#12, the password is wrong, or it holds no key
     */
    public static SigningIdentity fromPkcs12(byte[] pkcs12, char[] password) {
        Objects.requireNonNull(pkcs12, "pkcs12");
        Objects.requireNonNull(password, "password");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), password);
            for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                String alias = aliases.nextElement();
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
                    X509Certificate[] x509 = new X509Certificate[chain.length];
                    for (int i = 0; i < chain.length; i++) {
                        x509[i] = (X509Certificate) chain[i];
                    }
                    return new SigningIdentity(privateKey, x509);
                }
            }
            throw new IllegalArgumentException("the PKCS#12 file holds no private key with a certificate");
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            // A wrong password surfaces as an IOException from load (the MAC does not verify).
            throw new IllegalArgumentException("cannot read the PKCS#12 file (wrong password, or not PKCS#12)", e);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
