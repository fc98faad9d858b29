package org.kiban.certificate;

/**
 * PDF rendering for forms that other modules lay out themselves (e.g. the 介護保険被保険者証): their XHTML in, a PDF
 * with the certificate fonts out. No 発行番号, seal or signature: those belong to the certificates of this module.
 * Call outside a transaction; the caller audits what it prints.
 */
public interface DocumentRendering {

    /**
     * @param xhtml well-formed XHTML (a Thymeleaf template written as XHTML), page size in its CSS {@code @page}
     * @return the PDF
     * @throws IllegalArgumentException if a character of the text has no glyph in any font (an unregistered 外字)
     */
    byte[] renderPdf(String xhtml);
}
