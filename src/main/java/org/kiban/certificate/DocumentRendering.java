package org.kiban.certificate;

/**
 * XHTML to PDF with the shared Japanese fonts (A4 unless the page's CSS says otherwise), for modules that print
 * documents other than certificates (e.g. tax notices). No signature, no 公印: those stay with certificates.
 */
public interface DocumentRendering {

    /**
     * @param xhtml  a well-formed XHTML page (Thymeleaf output of a template written as XHTML)
     * @param title  the PDF's title
     * @param author the issuing municipality
     * @return the PDF
     */
    byte[] renderPdf(String xhtml, String title, String author);
}
