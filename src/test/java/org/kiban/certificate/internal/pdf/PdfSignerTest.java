package org.kiban.certificate.internal.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;
import java.util.Arrays;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdfSignerTest {

    private static final Instant SIGNED_AT = Instant.parse("2026-11-28T01:30:00Z");

    private static SigningIdentity yokohama;
    private static byte[] unsigned;
    private static byte[] signed;

    private final PdfSigner signer = new PdfSigner();
    private final PdfSignatureVerifier verifier = new PdfSignatureVerifier();

    @BeforeAll
    static void signOnce() {
        // EC keeps the suite fast; RSA 3072, the default, is signed and verified once below.
        yokohama = SigningKeys.generate("横浜市", "神奈川県横浜市長", SigningKeys.Algorithm.EC_P256,
                SIGNED_AT.minusSeconds(3600), Period.ofYears(5));
        unsigned = PdfFixtures.renderer().render(PdfFixtures.page("<h1>住民票の写し</h1><p>𠮷野 太郎</p>")).pdf();
        signed = new PdfSigner().sign(unsigned, yokohama,
                new PdfSigner.Options(SIGNED_AT, "証明書の発行", "横浜市", 2));
    }

    @Test
    void aSignedPdfVerifies() {
        PdfSignatureVerifier.Result result = verifier.verify(signed);

        assertThat(result.valid()).isTrue();
        assertThat(result.coversWholeDocument()).isTrue();
        assertThat(result.intact()).isTrue();
        assertThat(result.problem()).isNull();
        assertThat(result.signerSubject()).isEqualTo("CN=神奈川県横浜市長,O=横浜市,C=JP");
        assertThat(result.signingTime()).isEqualTo(SIGNED_AT);
        assertThat(result.subFilter()).isEqualTo("ETSI.CAdES.detached");
        assertThat(result.signatureCount()).isEqualTo(1);
        assertThat(result.signedBy(yokohama.certificate())).isTrue();
        // Signing appends: the rendered document is the signed file's first revision, byte for byte.
        assertThat(Arrays.copyOf(signed, unsigned.length)).isEqualTo(unsigned);
        assertThat(PdfFixtures.text(signed)).contains("𠮷野 太郎");
    }

    @Test
    void aFlippedByteInTheSignedContentIsDetected() {
        // The byte after "%PDF-1.x\n%" is in the binary comment every reader skips: the file still parses,
        // so what fails is the signature itself.
        byte[] tampered = signed.clone();
        int comment = indexOf(tampered, "\n%".getBytes(StandardCharsets.US_ASCII)) + 2;
        tampered[comment] ^= 0x01;

        PdfSignatureVerifier.Result result = verifier.verify(tampered);

        assertThat(result.valid()).isFalse();
        assertThat(result.intact()).isFalse();
        assertThat(result.signedBy(yokohama.certificate())).isFalse();
        assertThat(result.problem()).contains("message digest mismatch");
    }

    @Test
    void noFlippedByteAnywhereInTheSignedRangesVerifies() throws IOException {
        assertNoFlippedByteInTheSignedRangesVerifies(signed, 20261128);
    }

    /** Twenty bytes picked at random in the signed ranges, each changed alone: none of the results verifies. */
    private void assertNoFlippedByteInTheSignedRangesVerifies(byte[] pdf, long seed) throws IOException {
        int[] range;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            range = document.getLastSignatureDictionary().getByteRange();
        }
        Random random = new Random(seed);
        for (int i = 0; i < 20; i++) {
            int position = random.nextBoolean() ? random.nextInt(range[1]) : range[2] + random.nextInt(range[3]);
            byte[] tampered = pdf.clone();
            tampered[position] ^= (byte) (1 + random.nextInt(255));
            assertThat(verifier.verify(tampered).valid()).as("byte %d changed", position).isFalse();
        }
    }

    @Test
    void bytesAppendedAfterSigningAreReported() {
        byte[] extra = "%%追記%%\n".getBytes(StandardCharsets.UTF_8);
        byte[] appended = Arrays.copyOf(signed, signed.length + extra.length);
        System.arraycopy(extra, 0, appended, signed.length, extra.length);

        PdfSignatureVerifier.Result result = verifier.verify(appended);

        assertThat(result.valid()).isTrue(); // the signed revision is untouched
        assertThat(result.coversWholeDocument()).isFalse();
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).isEqualTo(extra.length + " bytes were added after the last signature");
    }

    @Test
    void anotherTenantsCertificateIsNotTheSigner() {
        SigningIdentity sabae = SigningKeys.generate("鯖江市", "福井県鯖江市長", SigningKeys.Algorithm.EC_P256,
                SIGNED_AT, Period.ofYears(5));
        assertThat(verifier.verify(signed).signedBy(sabae.certificate())).isFalse();
    }

    @Test
    void unsignedAndBrokenFilesAreReportedNotThrown() {
        assertThat(verifier.verify(unsigned).problem()).isEqualTo("the PDF has no signature");
        assertThat(verifier.verify("not a pdf".getBytes(StandardCharsets.US_ASCII)).problem())
                .startsWith("not a readable PDF");
        assertThat(verifier.verify(unsigned).valid()).isFalse();
    }

    @Test
    void theCmsIsPadesBaselineB() throws Exception {
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            CMSSignedData cms = new CMSSignedData(PdfSignatureVerifier.contentInfo(signature.getContents()));
            SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();

            assertThat(cms.isDetachedSignature()).isTrue();
            assertThat(info.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1"); // SHA-256
            assertThat(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(info.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
            assertThat(signature.getReason()).isEqualTo("証明書の発行");
            assertThat(signature.getLocation()).isEqualTo("横浜市");
            assertThat(signature.getName()).isEqualTo("神奈川県横浜市長");

            // Certification signature: /Perms /DocMDP in the catalog, P = 2.
            COSDictionary perms = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
            assertThat(perms.getDictionaryObject(COSName.DOCMDP)).isEqualTo(signature.getCOSObject());
        }
    }

    @Test
    void signsAndVerifiesWithTheDefaultRsaKey() {
        SigningIdentity rsa = PdfFixtures.rsaIdentity();
        byte[] signedWithRsa = signer.sign(unsigned, rsa, Instant.now());

        PdfSignatureVerifier.Result result = verifier.verify(signedWithRsa);
        assertThat(result.intact()).isTrue();
        assertThat(result.signedBy(rsa.certificate())).isTrue();
        assertThat(result.signerSubject()).isEqualTo("CN=東京都檜原村長,O=檜原村,C=JP");
    }

    @Test
    void theRoomReservedForTheCmsFollowsTheChainAndTheCmsFits() throws IOException {
        // One EC certificate: the least room; the CMS written is about 1 KB.
        assertThat(PdfSigner.reservedSize(yokohama)).isEqualTo(PdfSigner.MIN_SIGNATURE_SIZE);
        assertThat(cmsLength(signed)).isLessThan(PdfSigner.MIN_SIGNATURE_SIZE);

        // An RSA 3072 signer with a chain of three certificates (an intermediate and a root, as a tenant on a
        // public CA would have) needs more; it is reserved and the signature verifies.
        SigningIdentity rsa = PdfFixtures.rsaIdentity();
        SigningIdentity withChain = new SigningIdentity(rsa.privateKey(), new java.security.cert.X509Certificate[] {
                rsa.certificate(), SigningKeys.generate("東京都", "東京都知事").certificate(), yokohama.certificate()});
        int reserved = PdfSigner.reservedSize(withChain);
        assertThat(reserved).isGreaterThan(PdfSigner.MIN_SIGNATURE_SIZE);
        byte[] signedWithChain = signer.sign(unsigned, withChain, Instant.now());
        assertThat(cmsLength(signedWithChain)).isBetween(reserved - PdfSigner.SIGNATURE_OVERHEAD, reserved);
        assertThat(verifier.verify(signedWithChain).intact()).isTrue();
    }

    /** Bytes of the CMS itself in the last signature's /Contents, without the zero padding after it. */
    private static int cmsLength(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            byte[] contents = document.getLastSignatureDictionary().getContents();
            return new org.bouncycastle.asn1.ASN1InputStream(contents).readObject().getEncoded().length;
        }
    }

    @Test
    void aSignatureOutsideTheCertificatesValidityIsInvalid() {
        SigningIdentity expired = SigningKeys.generate("越前町", "福井県越前町長", SigningKeys.Algorithm.EC_P256,
                Instant.parse("2020-01-01T00:00:00Z"), Period.ofYears(1));
        PdfSignatureVerifier.Result result = verifier.verify(signer.sign(unsigned, expired, SIGNED_AT));
        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).contains("not valid at the signing time");
    }

    @Test
    void aSignedFileCanBeSignedAgainAndBothVerify() {
        byte[] twice = signer.sign(signed, yokohama, SIGNED_AT.plusSeconds(60));
        PdfSignatureVerifier.Result result = verifier.verify(twice);
        assertThat(result.signatureCount()).isEqualTo(2);
        assertThat(result.intact()).isTrue();
        assertThat(result.signingTime()).isEqualTo(SIGNED_AT.plusSeconds(60));
    }

    /** Signed as it is first saved ({@link PdfSigner#signAndSave}): the path every issued certificate takes. */
    private static byte[] signedInOneRevision(SigningIdentity identity, PdfSigner.Options options) {
        return PdfFixtures.renderer().render(PdfFixtures.page("<h1>住民票の写し</h1><p>𠮷野 太郎</p>"),
                PdfRenderer.RenderOptions.defaults(), pdf -> new PdfSigner().signAndSave(pdf, identity, options)).pdf();
    }

    @Test
    void aDocumentSignedAsItIsSavedVerifiesInOneRevisionAndIsCertified() throws Exception {
        byte[] oneRevision = signedInOneRevision(yokohama, new PdfSigner.Options(SIGNED_AT, "証明書の発行", "横浜市", 2));

        PdfSignatureVerifier.Result result = verifier.verify(oneRevision);
        assertThat(result.valid()).isTrue();
        assertThat(result.coversWholeDocument()).isTrue();
        assertThat(result.intact()).isTrue();
        assertThat(result.signatureCount()).isEqualTo(1);
        assertThat(result.signedBy(yokohama.certificate())).isTrue();
        assertThat(result.signingTime()).isEqualTo(SIGNED_AT);
        assertThat(PdfFixtures.text(oneRevision)).contains("𠮷野 太郎");
        // One revision: a single %%EOF, where the incremental signature adds a second.
        assertThat(count(oneRevision, "%%EOF".getBytes(StandardCharsets.US_ASCII))).isEqualTo(1);
        assertThat(count(signed, "%%EOF".getBytes(StandardCharsets.US_ASCII))).isEqualTo(2);
        try (PDDocument document = Loader.loadPDF(oneRevision)) {
            PDSignature signature = document.getLastSignatureDictionary();
            int[] range = signature.getByteRange();
            assertThat(range[0]).isZero();
            assertThat(range[2] + range[3]).isEqualTo(oneRevision.length);
            // The gap is exactly the hexadecimal /Contents, brackets included.
            assertThat(range[2] - range[1]).isEqualTo(2 * PdfSigner.reservedSize(yokohama) + 2);
            CMSSignedData cms = new CMSSignedData(PdfSignatureVerifier.contentInfo(signature.getContents()));
            SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
            assertThat(cms.isDetachedSignature()).isTrue();
            assertThat(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(info.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
            assertThat(signature.getSubFilter()).isEqualTo(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName());
            COSDictionary perms = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
            assertThat(perms.getDictionaryObject(COSName.DOCMDP)).isEqualTo(signature.getCOSObject());
        }
    }

    @Test
    void aChangedByteOfADocumentSignedAsItIsSavedIsDetected() throws IOException {
        byte[] oneRevision = signedInOneRevision(yokohama, PdfSigner.Options.at(SIGNED_AT));
        assertThat(verifier.verify(oneRevision).valid()).isTrue();
        assertNoFlippedByteInTheSignedRangesVerifies(oneRevision, 20261203);
    }

    @Test
    void aDocumentSignedAsItIsSavedCanBeSignedAgainAndBothVerify() {
        byte[] oneRevision = signedInOneRevision(yokohama, PdfSigner.Options.at(SIGNED_AT));
        byte[] twice = signer.sign(oneRevision, yokohama, SIGNED_AT.plusSeconds(60));
        PdfSignatureVerifier.Result result = verifier.verify(twice);
        assertThat(result.signatureCount()).isEqualTo(2);
        assertThat(result.intact()).as(result.toString()).isTrue();
    }

    private static int count(byte[] haystack, byte[] needle) {
        int n = 0;
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            n++;
        }
        return n;
    }

    @Test
    void rejectsWhatIsNotAPdf() {
        assertThatThrownBy(() -> signer.sign("%PDF-broken".getBytes(StandardCharsets.US_ASCII), yokohama, SIGNED_AT))
                .isInstanceOf(PdfException.class);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
