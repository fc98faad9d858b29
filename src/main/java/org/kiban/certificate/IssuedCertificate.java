package org.kiban.certificate;

import java.util.List;

/**
 * A certificate as issued.
 *
 * @param issueNo          発行番号 of the copy (without the page part): YYYYMMDD 市区町村名 端末 プリンタ 連番
 * @param verificationCode the code printed with the QR, leading to {@code /verify/{code}}
 * @param pdf              the signed PDF
 * @param pages            page count
 * @param fee              fee charged (yen)
 * @param sha256           hash of the PDF, as the verification page shows it
 * @param warnings         overflow and 外字 warnings (the text was shrunk or cut; the clerk must check)
 */
public record IssuedCertificate(String issueNo, String verificationCode, byte[] pdf, int pages, long fee, String sha256,
                                List<String> warnings) {
}
