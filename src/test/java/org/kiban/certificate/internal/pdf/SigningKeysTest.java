package org.kiban.certificate.internal.pdf;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {

    private static final char[] PASSWORD = "tenant-141003-secret".toCharArray();

    @Test
    void theDefaultKeyIsRsa3072WithTheMunicipalityAsSubject() throws Exception {
        SigningIdentity identity = PdfFixtures.rsaIdentity();
        X509Certificate certificate = identity.certificate();

        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=東京都檜原村長,O=檜原村,C=JP");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        certificate.verify(certificate.getPublicKey()); // self-signed
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1); // not a CA
        boolean[] keyUsage = certificate.getKeyUsage();
        assertThat(keyUsage[0]).as("digitalSignature").isTrue();
        assertThat(keyUsage[1]).as("nonRepudiation").isTrue();
        assertThat(keyUsage[5]).as("keyCertSign").isFalse();
        assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.15", "2.5.29.19");
    }

    @Test
    void validityRunsFromNotBeforeForTheGivenPeriod() {
        Instant start = Instant.parse("2027-04-01T00:00:00Z");
        X509Certificate certificate = SigningKeys.generate("鯖江市", "福井県鯖江市長", SigningKeys.Algorithm.EC_P256,
                start, SigningKeys.DEFAULT_VALIDITY).certificate();

        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(start);
        assertThat(certificate.getNotAfter().toInstant())
                .isEqualTo(start.atZone(ZoneId.of("Asia/Tokyo")).plusYears(5).toInstant());
        assertThat(certificate.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(certificate.getSerialNumber().signum()).isPositive();
    }

    @Test
    void pkcs12RoundTrips() {
        SigningIdentity identity = SigningKeys.generate("横浜市", "神奈川県横浜市長", SigningKeys.Algorithm.EC_P256,
                Instant.now(), Period.ofYears(5));

        SigningIdentity read = SigningKeys.fromPkcs12(SigningKeys.toPkcs12(identity, PASSWORD), PASSWORD);

        assertThat(read).isEqualTo(identity);
        assertThat(read.chain()).containsExactly(identity.certificate());
        assertThat(read.toString()).isEqualTo("SigningIdentity[CN=神奈川県横浜市長,O=横浜市,C=JP]");
    }

    @Test
    void createPkcs12MakesAnRsaKeyThatSigns() {
        // The one-call form the tenant module uses; RSA 3072, so this test takes a second or two.
        byte[] pkcs12 = SigningKeys.createPkcs12("越前町", "福井県越前町長", PASSWORD);
        SigningIdentity identity = SigningKeys.fromPkcs12(pkcs12, PASSWORD);

        byte[] pdf = PdfFixtures.renderer().render(PdfFixtures.page("<p>印鑑登録証明書</p>")).pdf();
        PdfSignatureVerifier.Result result = new PdfSignatureVerifier()
                .verify(new PdfSigner().sign(pdf, identity, Instant.now()));
        assertThat(result.signedBy(identity.certificate())).isTrue();
    }

    @Test
    void aWrongPasswordOrGarbageIsRefused() {
        byte[] pkcs12 = SigningKeys.toPkcs12(SigningKeys.generate("横浜市", "神奈川県横浜市長",
                SigningKeys.Algorithm.EC_P256, Instant.now(), Period.ofYears(1)), PASSWORD);

        assertThatThrownBy(() -> SigningKeys.fromPkcs12(pkcs12, "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrong password");
        assertThatThrownBy(() -> SigningKeys.fromPkcs12(new byte[] {1, 2, 3}, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreRequired() {
        assertThatThrownBy(() -> SigningKeys.generate(" ", "市長")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKeys.generate("横浜市", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
