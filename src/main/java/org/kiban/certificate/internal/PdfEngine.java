package org.kiban.certificate.internal;

/** Rendering, signing and the images a certificate needs; implemented over openhtmltopdf, PDFBox and ZXing. */
interface PdfEngine {

    /** A rendered document, its page count, and the characters no font could draw (unregistered 外字). */
    record Rendered(byte[] pdf, int pages, String missing) {
    }

    Rendered render(String xhtml);

    /** Signs with the tenant's key (created on first use). */
    byte[] sign(String lgCode, String municipality, byte[] pdf);

    /** A QR code of {@code text} as a data URI for an {@code <img>}. */
    String qrDataUri(String text);

    /** The tenant's electronic 公印 (black, square, at most 25 mm: 標準仕様書 5.6) as a data URI. */
    String sealDataUri(String sealText);
}
