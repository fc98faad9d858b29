package org.kiban.certificate;

/**
 * Renders other modules' printable reports (not certificates) to PDF with the certificates' engine and fonts
 * (Noto Sans JP, Noto Serif JP): unsigned, no 発行番号, no seal. The document is XHTML (Thymeleaf output of a
 * template written as well-formed XML), A4 by its own {@code @page} rule.
 */
public interface PdfDocuments {

    /**
     * @param xhtml the document
     * @param title PDF title (document information)
     * @return the PDF
     */
    byte[] render(String xhtml, String title);
}
