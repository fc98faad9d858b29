package org.kiban.certificate;

/**
 * PDF rendering for documents other modules lay out themselves (the 介護保険被保険者証, tax notices): their XHTML in,
 * a PDF with the certificate fonts out (A4 unless the page's CSS {@code @page} says otherwise). No 発行番号, seal or
 * signature: those belong to the certificates of this module. Call outside a transaction; the caller audits what it
 * prints.
 */
public interface DocumentRendering {

    /**
     * @param xhtml  well-formed XHTML (a Thymeleaf template written as XHTML)
     * @param title  the PDF's title, or null
     * @param author the issuing municipality, or null
     * @return the PDF
     * @throws IllegalArgumentException if a character of the text has no glyph in any font (an unregistered 外字,
     *                                  標準仕様書 5.8: an alert, never a silent blank)
     */
    byte[] renderPdf(String xhtml, String title, String author);

    /** {@link #renderPdf(String, String, String)} without title and author. */
    default byte[] renderPdf(String xhtml) {
        return renderPdf(xhtml, null, null);
    }
}
