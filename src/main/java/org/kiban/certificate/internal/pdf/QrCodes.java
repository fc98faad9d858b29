package org.kiban.certificate.internal.pdf;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes (ISO/IEC 18004) for the verification URL printed on every certificate, as a PNG {@code data:}
 * URI for an {@code <img>} of the XHTML page (the only kind of resource {@link PdfRenderer} loads), or as
 * SVG for web pages.
 *
 * <p>Error correction M (15 % of the code words can be restored): a stamp or a fold over the code still
 * scans, and a 60-character URL stays at version 4 (33 × 33 modules), so at 20 mm a module is about 0.5 mm,
 * well above what phone cameras and 300 dpi printers resolve. The image includes the 4-module quiet zone the
 * standard requires (ISO/IEC 18004 §5.3.8), so the 20 mm are the whole image.
 */
public final class QrCodes {

    /** The printed size of the code with its quiet zone. */
    public static final double DEFAULT_SIZE_MM = 20.0;

    /** Quiet zone in modules, ISO/IEC 18004 §5.3.8. */
    static final int QUIET_ZONE_MODULES = 4;

    /** Image resolution the PNG is made for: 600 dpi, so that no printer or viewer has to interpolate. */
    static final int DOTS_PER_INCH = 600;

    private QrCodes() {
    }

    /** The QR code of {@code text} as {@code data:image/png;base64,...}, for a {@value #DEFAULT_SIZE_MM} mm image. */
    public static String pngDataUri(String text) {
        return pngDataUri(text, DEFAULT_SIZE_MM);
    }

    /**
     * The QR code of {@code text} as a PNG {@code data:} URI. The template sets the printed size, e.g.
     * {@code <img src="..." style="width: 20mm; height: 20mm"/>}; {@code sizeMm} only sets the resolution.
     */
    public static String pngDataUri(String text, double sizeMm) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text, sizeMm));
    }

    /**
     * The QR code of {@code text} as a PNG of one pixel a module (a few hundred bytes). PDF does not interpolate
     * images unless asked to, so it prints as crisp squares at any size while costing almost nothing to embed.
     */
    public static String compactPngDataUri(String text) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text, 0));
    }

    /** The QR code of {@code text} as PNG bytes, black on white, one colour bit a pixel. */
    public static byte[] png(String text, double sizeMm) {
        BitMatrix matrix = encode(text);
        int modules = matrix.getWidth();
        // Whole pixels a module, so that every module has the same size.
        int pixelsPerModule = Math.max(1, (int) Math.ceil(sizeMm / 25.4 * DOTS_PER_INCH / modules));
        int size = modules * pixelsPerModule;
        return PngImages.blackAndWhite(size, size, (x, y) -> matrix.get(x / pixelsPerModule, y / pixelsPerModule));
    }

    /**
     * The QR code of {@code text} as an SVG element of {@code sizeMm}: one path of unit squares, crisp at
     * any zoom.
     */
    public static String svg(String text, double sizeMm) {
        BitMatrix matrix = encode(text);
        int modules = matrix.getWidth();
        StringBuilder path = new StringBuilder(modules * modules * 4);
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        String size = String.format(java.util.Locale.ROOT, "%.2fmm", sizeMm);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size + "\" height=\"" + size
                + "\" viewBox=\"0 0 " + modules + " " + modules + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** The module matrix, quiet zone included. */
    static BitMatrix encode(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("nothing to encode");
        }
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE_MODULES);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            // Only then: UTF-8 needs an ECI header that some older readers mishandle; a URL is ASCII.
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        try {
            // Width and height 0: the matrix comes at one pixel a module; we scale it ourselves.
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as a QR code: " + e.getMessage(), e);
        }
    }
}
