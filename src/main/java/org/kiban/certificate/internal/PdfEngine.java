package org.kiban.certificate.internal;

/** Rendering, signing and the images a certificate needs; implemented over openhtmltopdf, PDFBox and ZXing. */
interface PdfEngine {

    /** A rendered document, its page count, and the characters no font could draw (unregistered 外字). */
    record Rendered(byte[] pdf, int pages, String missing) {
    }

    Rendered render(String xhtml);

    /**
     * Renders and signs with the tenant's key (created on first use) in one save: what an issued copy is. The
     * bytes are a signed PDF as {@link #sign} makes, in one revision instead of two.
     */
    Rendered renderSigned(String xhtml, String lgCode, String municipality);

    /** Signs saved bytes with the tenant's key (created on first use), as an incremental update. */
    byte[] sign(String lgCode, String municipality, byte[] pdf);

    /** A QR code of {@code text} as a data URI for an {@code <img>}. */
    String qrDataUri(String text);

    /** The tenant's electronic 公印 (black, square, at most 25 mm: 標準仕様書 5.6) as a data URI. */
    String sealDataUri(String sealText);
}
