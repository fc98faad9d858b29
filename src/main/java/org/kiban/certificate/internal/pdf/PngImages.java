package org.kiban.certificate.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;

/**
 * PNG (ISO/IEC 15948) written and read without {@code ImageIO}, for images made per document (the verification QR
 * code of each certificate).
 *
 * <p>Writing: one-bit greyscale, no filter, the image data deflated; a few hundred bytes for a QR code.
 *
 * <p>Reading: PDF's FlateDecode filter understands PNG's row predictors (ISO 32000-1 §7.4.4.4, /Predictor 10–15), so
 * the concatenated IDAT data of a non-interlaced greyscale or RGB PNG without alpha is already a valid PDF image stream:
 * it is copied into the document as it is, with no decoding and no compressing again (openhtmltopdf would decode the
 * PNG with ImageIO and PDFBox compress the pixels again for each document).
 */
final class PngImages {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final String DATA_URI = "data:image/png;base64,";
    private static final int GREY = 0;
    private static final int RGB = 2;

    private PngImages() {
    }

    /** Tells whether pixel (x, y) is black. */
    @FunctionalInterface
    interface Pixels {
        boolean black(int x, int y);
    }

    /** A one-bit greyscale PNG of {@code width} × {@code height} pixels, black where {@code pixels} says so. */
    static byte[] blackAndWhite(int width, int height, Pixels pixels) {
        int rowBytes = (width + 7) / 8;
        byte[] raw = new byte[height * (rowBytes + 1)];
        for (int y = 0; y < height; y++) {
            int row = y * (rowBytes + 1);   // raw[row] = 0: filter type None
            for (int x = 0; x < width; x++) {
                if (!pixels.black(x, y)) {   // one-bit greyscale: 1 is white
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
                .put((byte) 1).put((byte) GREY).put((byte) 0).put((byte) 0).put((byte) 0).array());
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

    /**
     * A {@code data:image/png;base64,} URI as a PDF image whose stream is the PNG's own compressed data, or null when
     * the PNG is not of a kind copied as it is (interlaced, with alpha or a palette, 16 bits a sample) or is broken:
     * those take the ordinary path.
     */
    static ReusableImages.Encoded passThrough(String dataUri) {
        if (dataUri == null || !dataUri.startsWith(DATA_URI)) {
            return null;
        }
        byte[] png;
        try {
            png = Base64.getDecoder().decode(dataUri.substring(DATA_URI.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return passThrough(png);
    }

    static ReusableImages.Encoded passThrough(byte[] png) {
        if (png.length < SIGNATURE.length || !Arrays.equals(png, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(png, SIGNATURE.length, png.length - SIGNATURE.length);
        int width = 0;
        int height = 0;
        int depth = 0;
        int colours = 0;
        ByteArrayOutputStream idat = new ByteArrayOutputStream(png.length);
        boolean header = false;
        while (in.remaining() >= 12) {
            int length = in.getInt();
            byte[] name = new byte[4];
            in.get(name);
            String type = new String(name, StandardCharsets.US_ASCII);
            if (length < 0 || length > in.remaining() - 4) {
                return null;
            }
            int start = in.position();
            CRC32 crc = new CRC32();
            crc.update(name);
            crc.update(png, start, length);
            if ((int) crc.getValue() != in.getInt(start + length)) {
                return null;
            }
            switch (type) {
                case "IHDR" -> {
                    if (length != 13) {
                        return null;
                    }
                    width = in.getInt(start);
                    height = in.getInt(start + 4);
                    depth = png[start + 8] & 0xFF;
                    int colourType = png[start + 9] & 0xFF;
                    int interlace = png[start + 12] & 0xFF;
                    if (interlace != 0 || width <= 0 || height <= 0) {
                        return null;
                    }
                    if (colourType == GREY && (depth == 1 || depth == 2 || depth == 4 || depth == 8)) {
                        colours = 1;
                    } else if (colourType == RGB && depth == 8) {
                        colours = 3;
                    } else {
                        return null;   // palette, alpha or 16 bits
                    }
                    header = true;
                }
                case "IDAT" -> idat.write(png, start, length);
                case "tRNS" -> {
                    return null;   // transparency: needs a mask
                }
                case "IEND" -> {
                    return header && idat.size() > 0 ? encoded(width, height, depth, colours, idat.toByteArray()) : null;
                }
                default -> {
                    // ancillary chunks (gamma, resolution, text) do not change the samples
                }
            }
            in.position(start + length + 4);
        }
        return null;
    }

    private static ReusableImages.Encoded encoded(int width, int height, int depth, int colours, byte[] data) {
        COSDictionary parms = new COSDictionary();
        parms.setItem(COSName.PREDICTOR, COSInteger.get(15));   // PNG predictors, chosen row by row
        parms.setItem(COSName.COLORS, COSInteger.get(colours));
        parms.setItem(COSName.BITS_PER_COMPONENT, COSInteger.get(depth));
        parms.setItem(COSName.COLUMNS, COSInteger.get(width));
        Map<COSName, COSBase> dictionary = new LinkedHashMap<>();
        dictionary.put(COSName.TYPE, COSName.XOBJECT);
        dictionary.put(COSName.SUBTYPE, COSName.IMAGE);
        dictionary.put(COSName.WIDTH, COSInteger.get(width));
        dictionary.put(COSName.HEIGHT, COSInteger.get(height));
        dictionary.put(COSName.BITS_PER_COMPONENT, COSInteger.get(depth));
        dictionary.put(COSName.COLORSPACE, colours == 1 ? COSName.DEVICEGRAY : COSName.DEVICERGB);
        dictionary.put(COSName.FILTER, COSName.FLATE_DECODE);
        dictionary.put(COSName.DECODE_PARMS, parms);
        return new ReusableImages.Encoded(width, height, dictionary, data);
    }
}
