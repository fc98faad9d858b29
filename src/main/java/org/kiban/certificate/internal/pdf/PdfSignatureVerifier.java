package org.kiban.certificate.internal.pdf;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import javax.security.auth.x500.X500Principal;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;

/**
 * Checks the signatures of a PDF: that each CMS signature is mathematically valid over the bytes its
 * ByteRange names, and whether the last one covers the whole file (nothing was appended after signing).
 *
 * <p>It does not decide whom to trust: a tenant's certificate is self-signed, so the caller compares
 * {@link Result#signerCertificate()} with the tenant's ({@link Result#signedBy}). Stateless and thread-safe.
 */
public final class PdfSignatureVerifier {

    /**
     * What the verification found.
     *
     * @param valid               every signature verifies over its signed bytes, with the certificate it names,
     *                            valid at the signing time
     * @param coversWholeDocument the last signature covers every byte of the file but its own value: nothing
     *                            was changed or appended after it
     * @param signerSubject       the last signer's certificate subject (RFC 2253), or null
     * @param signingTime         the last signature's claimed signing time (/M), or null
     * @param signerCertificate   the last signer's certificate, or null
     * @param subFilter           the last signature's /SubFilter, e.g. ETSI.CAdES.detached, or null
     * @param signatureCount      how many signatures the file has
     * @param problem             why it is not valid or not complete, in English; null when both hold
     */
    public record Result(boolean valid, boolean coversWholeDocument, String signerSubject, Instant signingTime,
                         X509Certificate signerCertificate, String subFilter, int signatureCount, String problem) {

        static Result invalid(String problem) {
            return new Result(false, false, null, null, null, null, 0, problem);
        }

        /** Valid and covering the whole file: the document is exactly as signed. */
        public boolean intact() {
            return valid && coversWholeDocument;
        }

        /** Intact and signed with exactly this certificate (a tenant's). */
        public boolean signedBy(X509Certificate expected) {
            return intact() && signerCertificate != null && signerCertificate.equals(expected);
        }

        /** Names the signer's certificate by subject instead of printing it whole. */
        @Override
        public String toString() {
            return "Result[valid=" + valid + ", coversWholeDocument=" + coversWholeDocument + ", signerSubject="
                    + signerSubject + ", signingTime=" + signingTime + ", subFilter=" + subFilter
                    + ", signatureCount=" + signatureCount + ", problem=" + problem + "]";
        }
    }

    /** One signature's check. */
    private record Check(PDSignature signature, int end, boolean valid, boolean covers, X509Certificate certificate,
                         Instant signingTime, String problem) {
    }

    /** Verifies every signature of the PDF; never throws for bad input, it reports. */
    public Result verify(byte[] pdf) {
        Objects.requireNonNull(pdf, "pdf");
        List<PDSignature> signatures;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            signatures = new ArrayList<>(document.getSignatureDictionaries());
        } catch (IOException | RuntimeException e) {
            return Result.invalid("not a readable PDF: " + e.getMessage());
        }
        if (signatures.isEmpty()) {
            return Result.invalid("the PDF has no signature");
        }
        List<Check> checks = new ArrayList<>(signatures.size());
        for (PDSignature signature : signatures) {
            checks.add(check(pdf, signature));
        }
        Check last = checks.get(0);
        for (Check c : checks) {
            if (c.end() > last.end()) {
                last = c;
            }
        }
        boolean allValid = checks.stream().allMatch(Check::valid);
        String problem = checks.stream().filter(c -> !c.valid()).map(Check::problem).findFirst()
                .orElse(last.covers() ? null : last.problem());
        X509Certificate certificate = last.certificate();
        return new Result(allValid, last.covers(),
                certificate == null ? null : certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                last.signingTime(), certificate, last.signature().getSubFilter(), checks.size(), problem);
    }

    private static Check check(byte[] pdf, PDSignature signature) {
        Instant claimed = toInstant(signature.getSignDate());
        int[] range = signature.getByteRange();
        if (range == null || range.length != 4 || range[0] != 0 || range[1] < 0 || range[2] < range[1]
                || range[3] < 0 || (long) range[2] + range[3] > pdf.length) {
            return new Check(signature, 0, false, false, null, claimed, "the signature's ByteRange is malformed");
        }
        int gapStart = range[1];
        int gapEnd = range[2];
        int end = range[2] + range[3];
        byte[] contents = hexBetween(pdf, gapStart, gapEnd);
        if (contents == null) {
            return new Check(signature, end, false, false, null, claimed,
                    "the ByteRange gap is not the signature value");
        }
        boolean covers = end == pdf.length;
        String notCovering = covers ? null : (pdf.length - end) + " bytes were added after the last signature";

        byte[] signed = new byte[gapStart + range[3]];
        System.arraycopy(pdf, 0, signed, 0, gapStart);
        System.arraycopy(pdf, gapEnd, signed, gapStart, range[3]);
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contentInfo(contents));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return new Check(signature, end, false, covers, null, claimed,
                        "expected one signer, found " + signers.size());
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> store = cms.getCertificates();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = store.getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return new Check(signature, end, false, covers, null, claimed,
                        "the signer's certificate is not in the signature");
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            Instant signingTime = claimed != null ? claimed : signingTimeAttribute(signer);

            // Checks the message digest of the signed bytes and the signature over the signed attributes.
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                return new Check(signature, end, false, covers, certificate, signingTime,
                        "the signature value does not verify with the signer's certificate");
            }
            String certificateProblem = signingCertificateProblem(signer, certificate);
            if (certificateProblem != null) {
                return new Check(signature, end, false, covers, certificate, signingTime, certificateProblem);
            }
            if (signingTime != null) {
                try {
                    certificate.checkValidity(Date.from(signingTime));
                } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                    return new Check(signature, end, false, covers, certificate, signingTime,
                            "the certificate was not valid at the signing time");
                }
            }
            return new Check(signature, end, true, covers, certificate, signingTime, notCovering);
        } catch (CMSSignerDigestMismatchException e) {
            return new Check(signature, end, false, covers, null, claimed,
                    "the signed bytes were changed: message digest mismatch");
        } catch (CMSException | CertificateException | OperatorCreationException | RuntimeException e) {
            return new Check(signature, end, false, covers, null, claimed,
                    "the signature cannot be verified: " + e.getMessage());
        }
    }

    /**
     * The value between the ByteRange's two parts must be exactly the hexadecimal string of /Contents,
     * {@code <...>}: otherwise bytes outside the signature would be unsigned (ISO 32000-1 §12.8.1).
     */
    static byte[] hexBetween(byte[] pdf, int start, int end) {
        if (end - start < 2 || pdf[start] != '<' || pdf[end - 1] != '>' || (end - start) % 2 != 0) {
            return null;
        }
        byte[] bytes = new byte[(end - start - 2) / 2];
        for (int i = start + 1, j = 0; i < end - 1; i += 2, j++) {
            int hi = Character.digit(pdf[i], 16);
            int lo = Character.digit(pdf[i + 1], 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            bytes[j] = (byte) (hi << 4 | lo);
        }
        return bytes;
    }

    /**
     * The CMS object at the start of /Contents. The signer pads /Contents with zeros to the room it reserved,
     * and Bouncy Castle refuses trailing bytes after the object, so only the first DER object is read.
     */
    static ContentInfo contentInfo(byte[] contents) throws CMSException {
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            ASN1Primitive object = in.readObject();
            if (object == null) {
                throw new CMSException("the signature value is empty");
            }
            return ContentInfo.getInstance(object);
        } catch (IOException | IllegalArgumentException e) {
            throw new CMSException("the signature value is not a CMS object: " + e.getMessage(), e);
        }
    }

    /** If the CMS names its signer's certificate by hash (signing-certificate-v2), it must be this one. */
    private static String signingCertificateProblem(SignerInformation signer, X509Certificate certificate)
            throws CertificateException {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null
                : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return null;
        }
        ESSCertIDv2[] ids = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts();
        if (ids.length == 0) {
            return "signing-certificate-v2 names no certificate";
        }
        try {
            byte[] expected = ids[0].getCertHash();
            byte[] actual = MessageDigest.getInstance(ids[0].getHashAlgorithm().getAlgorithm().getId())
                    .digest(certificate.getEncoded());
            return Arrays.equals(expected, actual) ? null
                    : "signing-certificate-v2 names another certificate than the one that verifies";
        } catch (GeneralSecurityException e) {
            return "signing-certificate-v2 uses an unknown hash: " + e.getMessage();
        }
    }

    private static Instant signingTimeAttribute(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute == null) {
            return null;
        }
        return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
    }

    private static Instant toInstant(Calendar calendar) {
        return calendar == null ? null : calendar.toInstant();
    }
}
