package org.kiban.certificate.internal.pdf;

/** A page that cannot be made into a PDF (not well-formed, or layout failed), or a PDF that cannot be signed. */
public class PdfException extends RuntimeException {

    public PdfException(String message, Throwable cause) {
        super(message, cause);
    }

    public PdfException(String message) {
        super(message);
    }
}
