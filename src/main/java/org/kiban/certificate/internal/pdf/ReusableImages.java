package org.kiban.certificate.internal.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.openhtmltopdf.extend.UserAgentCallback;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfBoxImage;
import com.openhtmltopdf.resource.CSSResource;
import com.openhtmltopdf.resource.ImageResource;
import com.openhtmltopdf.resource.XMLResource;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Images that many documents carry unchanged (a municipality's 公印 on each of its certificates): made ready for PDF
 * once (by PDFBox's {@code createFromByteArray}: a PNG's or JPEG's own compressed data where the format allows, else
 * decoded and compressed), then copied into each document as they are. openhtmltopdf decodes a {@code data:} PNG and
 * compresses its pixels again for every document (PDFBox's LosslessFactory: about a sixth of a certificate's
 * rendering time for a 200-pixel seal). Only opaque grey or RGB images are kept (no soft mask, no palette), so the
 * copy is a self-contained stream; anything else takes the ordinary path.
 */
final class ReusableImages {

    private static final int MAX_IMAGES = 4_000;

    /** One image as PDF wants it: the stream dictionary's simple entries and the compressed bytes. */
    record Encoded(int width, int height, Map<COSName, COSBase> dictionary, byte[] raw) {

        PDImageXObject into(PDDocument document) {
            COSStream stream = document.getDocument().createCOSStream();
            dictionary.forEach(stream::setItem);
            try (OutputStream out = stream.createRawOutputStream()) {
                out.write(raw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return new PDImageXObject(new PDStream(stream), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Map<String, Encoded> images = new ConcurrentHashMap<>();

    /** Keeps {@code dataUri} (a base64 PNG or JPEG {@code data:} URI) ready for every later document. */
    void register(String dataUri) {
        if (images.size() < MAX_IMAGES && !images.containsKey(dataUri)) {
            Encoded encoded = encode(dataUri);
            if (encoded != null) {
                images.putIfAbsent(dataUri, encoded);
            }
        }
    }

    int size() {
        return images.size();
    }

    /**
     * {@code delegate} answering the registered images from this cache and other PNG and JPEG {@code data:} images
     * through PDFBox's own converters (no decoding where the format allows), for one document.
     */
    UserAgentCallback around(UserAgentCallback delegate, PDDocument document, int dotsPerPixel) {
        return new Agent(delegate, document, dotsPerPixel);
    }

    static Encoded encode(String dataUri) {
        byte[] bytes = decode(dataUri);
        if (bytes == null) {
            return null;
        }
        try (PDDocument scratch = new PDDocument()) {
            PDImageXObject x = PDImageXObject.createFromByteArray(scratch, bytes, null);
            COSStream cos = x.getCOSObject();
            Map<COSName, COSBase> dictionary = new LinkedHashMap<>();
            for (Map.Entry<COSName, COSBase> e : cos.entrySet()) {
                if (COSName.LENGTH.equals(e.getKey())) {
                    continue;
                }
                COSBase value = simple(e.getValue());
                if (value == null) {
                    return null; // a soft mask, a palette or another indirect object: not self-contained
                }
                dictionary.put(e.getKey(), value);
            }
            byte[] raw;
            try (InputStream in = cos.createRawInputStream()) {
                raw = in.readAllBytes();
            }
            return new Encoded(x.getWidth(), x.getHeight(), dictionary, raw);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The bytes of a base64 PNG or JPEG {@code data:} URI, or null for anything else. */
    private static byte[] decode(String dataUri) {
        int comma = dataUri == null ? -1 : dataUri.indexOf(',');
        if (comma < 0 || !(dataUri.startsWith("data:image/png;") || dataUri.startsWith("data:image/jpeg;"))
                || !dataUri.substring(0, comma).endsWith(";base64")) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(dataUri.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Names, numbers and booleans, and dictionaries of them (DecodeParms): values safe to share between documents. */
    private static COSBase simple(COSBase value) {
        if (value instanceof COSName || value instanceof org.apache.pdfbox.cos.COSNumber
                || value instanceof org.apache.pdfbox.cos.COSBoolean) {
            return value;
        }
        if (value instanceof COSDictionary && !(value instanceof COSStream)) {
            COSDictionary copy = new COSDictionary();
            for (Map.Entry<COSName, COSBase> e : ((COSDictionary) value).entrySet()) {
                COSBase v = simple(e.getValue());
                if (v == null || v instanceof COSDictionary) {
                    return null;
                }
                copy.setItem(e.getKey(), v);
            }
            return copy;
        }
        return null;
    }

    /** openhtmltopdf's user agent, with the {@code data:} images answered from the cache or by PDFBox directly. */
    private final class Agent implements UserAgentCallback {
        private final UserAgentCallback delegate;
        private final PDDocument document;
        private final int dotsPerPixel;
        /** One image object per URI in the document, however often it is drawn (a QR code in every page's footer). */
        private final Map<String, PDImageXObject> made = new java.util.HashMap<>();

        Agent(UserAgentCallback delegate, PDDocument document, int dotsPerPixel) {
            this.delegate = delegate;
            this.document = document;
            this.dotsPerPixel = dotsPerPixel;
        }

        @Override
        public ImageResource getImageResource(String uri, ExternalResourceType type) {
            Encoded encoded = uri == null ? null : images.get(uri);
            PDImageXObject x = uri == null ? null : made.get(uri);
            if (x == null && encoded != null) {
                x = encoded.into(document);
            }
            if (x == null) {
                // An image of this document only (its QR code): PDFBox copies a PNG's compressed data as it is where
                // it can (PNGConverter) and a JPEG's always; openhtmltopdf would decode it and compress it again.
                byte[] bytes = uri == null ? null : decode(uri);
                if (bytes == null) {
                    return delegate.getImageResource(uri, type);
                }
                try {
                    x = PDImageXObject.createFromByteArray(document, bytes, null);
                } catch (IOException | IllegalArgumentException e) {
                    return delegate.getImageResource(uri, type);
                }
            }
            made.put(uri, x);
            PdfBoxImage image = new PdfBoxImage(null, uri, x.getWidth(), x.getHeight(), x);
            if (dotsPerPixel != 1) {
                // As openhtmltopdf's own agent does: intrinsic size in output dots.
                image.scale(x.getWidth() * dotsPerPixel, x.getHeight() * dotsPerPixel);
            }
            return new ImageResource(uri, image);
        }

        @Override
        public CSSResource getCSSResource(String uri, ExternalResourceType type) {
            return delegate.getCSSResource(uri, type);
        }

        @Override
        public XMLResource getXMLResource(String uri, ExternalResourceType type) {
            return delegate.getXMLResource(uri, type);
        }

        @Override
        public byte[] getBinaryResource(String uri, ExternalResourceType type) {
            return delegate.getBinaryResource(uri, type);
        }

        @Override
        public boolean isVisited(String uri) {
            return delegate.isVisited(uri);
        }

        @Override
        public void setBaseURL(String url) {
            delegate.setBaseURL(url);
        }

        @Override
        public String getBaseURL() {
            return delegate.getBaseURL();
        }

        @Override
        public String resolveURI(String uri) {
            return delegate.resolveURI(uri);
        }

        @Override
        public String resolveUri(String baseUri, String uri) {
            return delegate.resolveUri(baseUri, uri);
        }
    }
}
