package org.kiban.certificate.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNG (ISO/IEC 15948) of one bit a pixel, written without ImageIO, for images made per document (the verification QR
 * code of each certificate): ImageIO's writer puts a temporary file behind its stream by default and costs more than
 * the QR code itself.
 *
 * <p>The PNG has a palette of white (0) and black (1): PDFBox copies a palette PNG's compressed rows into a PDF as they
 * are (its PNGConverter: /FlateDecode with PNG predictors and an /Indexed colour space), where a greyscale PNG would
 * be decoded and compressed again for every document.
 */
final class PngImages {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int PALETTE = 3;

    private PngImages() {
    }

    /** Tells whether pixel (x, y) is black. */
    @FunctionalInterface
    interface Pixels {
        boolean black(int x, int y);
    }

    /** A one-bit palette PNG of {@code width} × {@code height} pixels, black where {@code pixels} says so. */
    static byte[] blackAndWhite(int width, int height, Pixels pixels) {
        int rowBytes = (width + 7) / 8;
        byte[] raw = new byte[height * (rowBytes + 1)];
        for (int y = 0; y < height; y++) {
            int row = y * (rowBytes + 1);   // raw[row] = 0: filter type None
            for (int x = 0; x < width; x++) {
                if (pixels.black(x, y)) {   // palette index 1: black
                    raw[row + 1 + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream idat = new ByteArrayOutputStream(raw.length / 4 + 64);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                idat.write(buffer, 0, deflater.deflate(buffer));
            }
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.size() + 64);
        png.writeBytes(SIGNATURE);
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 1).put((byte) PALETTE).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "PLTE", new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0});
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
