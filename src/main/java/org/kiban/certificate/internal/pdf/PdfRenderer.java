package org.kiban.certificate.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.GregorianCalendar;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontGroup;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.w3c.dom.Node;

/**
 * Renders an XHTML page (a certificate template's Thymeleaf output) to PDF with openhtmltopdf, A4 portrait
 * unless the template's {@code @page} says otherwise.
 *
 * <p>Fonts: the {@link PdfFonts} are parsed once for the life of this renderer; each document embeds a
 * subset of only the fonts it uses. The families are registered under their names ({@link PdfFonts#SERIF},
 * {@link PdfFonts#SANS}), under the generics {@code serif} (the default) and {@code sans-serif}, and all of
 * them again as fallback ahead of PDF's built-in fonts, so that any character some font has is drawn with
 * an embedded font whatever family the template names. A character no font has is reported in
 * {@link Result#missingCodePoints()} (openhtmltopdf itself prints {@code #} for it).
 *
 * <p>Resources: only {@code data:} URIs are loaded (QR code, electronic seal). A template cannot make the
 * server fetch a URL or read a file.
 *
 * <p>Thread-safe: one instance serves all requests; each {@link #render} runs on the calling thread.
 */
public final class PdfRenderer {

    private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);

    /** A4, ISO 216: 210 × 297 mm. */
    static final float A4_WIDTH_MM = 210f;
    static final float A4_HEIGHT_MM = 297f;

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /**
     * A rendered document.
     *
     * @param pdf               the PDF file
     * @param pages             its number of pages
     * @param missingCodePoints the characters of the page's text that no registered font has and that were
     *                          printed as {@code #}: an unregistered 外字. Empty when every glyph was drawn.
     */
    public record Result(byte[] pdf, int pages, SortedSet<Integer> missingCodePoints) {

        public Result {
            Objects.requireNonNull(pdf, "pdf");
            missingCodePoints = Collections.unmodifiableSortedSet(missingCodePoints);
        }

        /** Whether every character was drawn with a real glyph (no {@code #}, no .notdef). */
        public boolean allGlyphsPresent() {
            return missingCodePoints.isEmpty();
        }

        /** The missing characters for a message, e.g. {@code "U+2A6B2 𪚲"}, comma-separated. */
        public String describeMissing() {
            return missingCodePoints.stream()
                    .map(cp -> String.format("U+%04X %s", cp, new String(Character.toChars(cp))))
                    .collect(Collectors.joining(", "));
        }
    }

    /**
     * Document metadata. The title, author and subject may also come from the template's
     * {@code <title>} and {@code <meta name="author|subject">}; values here win.
     *
     * @param title        document title (PDF Info /Title), or null
     * @param author       author (/Author), e.g. the municipality, or null
     * @param subject      subject (/Subject), or null
     * @param creationDate creation date (/CreationDate), or null for now
     */
    public record RenderOptions(String title, String author, String subject, Instant creationDate) {

        public static RenderOptions defaults() {
            return new RenderOptions(null, null, null, null);
        }
    }

    private final PdfFonts fonts;
    private final FSCacheEx<String, FSCacheValue> fontMetrics = new SharedCache();
    private final ReusableImages reusableImages = new ReusableImages();

    public PdfRenderer(PdfFonts fonts) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
        Slf4jXRLogger.install();
    }

    /**
     * Keeps an image that many documents will carry unchanged (a municipality's 公印) ready for PDF, so that each
     * document copies it instead of decoding and compressing it again. Pages refer to it by the same {@code data:} URI.
     */
    public void registerReusableImage(String dataUri) {
        reusableImages.register(Objects.requireNonNull(dataUri, "dataUri"));
    }

    /** How many images are kept ready (tests). */
    int reusableImageCount() {
        return reusableImages.size();
    }

    /** The fonts this renderer draws with, for shrink to fit and coverage checks. */
    public PdfFonts fonts() {
        return fonts;
    }

    /** Renders with {@link RenderOptions#defaults()}. */
    public Result render(String xhtml) {
        return render(xhtml, RenderOptions.defaults());
    }

    /**
     * Renders one XHTML document (well-formed XML: Thymeleaf's HTML output of a template written as XHTML).
     *
     * @throws PdfException if the page is not well-formed or cannot be laid out
     */
    public Result render(String xhtml, RenderOptions options) {
        return render(xhtml, options, pdf -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            pdf.save(out, CompressParameters.DEFAULT_COMPRESSION);
            return out.toByteArray();
        });
    }

    /** How a laid-out document becomes bytes: saved as it is, or signed as it is saved ({@link PdfSigner#signAndSave}). */
    @FunctionalInterface
    public interface Saver {
        byte[] save(PDDocument pdf) throws IOException;
    }

    /** {@link #render(String, RenderOptions)}, the document saved by {@code saver}. */
    public Result render(String xhtml, RenderOptions options, Saver saver) {
        Objects.requireNonNull(xhtml, "xhtml");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(saver, "saver");
        try (PDDocument pdf = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .useFastMode()
                    .usePDDocument(pdf)
                    .withW3cDocument(parse(xhtml), null)
                    .useDefaultPageSize(A4_WIDTH_MM, A4_HEIGHT_MM, PageSizeUnits.MM)
                    .useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics)
                    .useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                            ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .withProducer("Kiban");
            SortedSet<Integer> missing;
            try (PdfBoxRenderer renderer = buildRenderer(builder)) {
                missing = fonts.missingCodePoints(drawnText(renderer.getDocument()));
                if (!missing.isEmpty()) {
                    log.warn("characters without a glyph in any registered font (printed as #): {}",
                            missing.stream().map(cp -> String.format("U+%04X", cp)).collect(Collectors.joining(" ")));
                }
                registerFonts(renderer.getFontResolver(), pdf);
                var shared = renderer.getSharedContext();
                shared.setUserAgentCallback(reusableImages.around(shared.getUserAgentCallback(), pdf,
                        shared.getDotsPerPixel()));
                renderer.layout();
                renderer.createPDFWithoutClosing();
            }
            setInformation(pdf.getDocumentInformation(), options);
            int pages = pdf.getNumberOfPages();
            return new Result(saver.save(pdf), pages, missing);
        } catch (PdfException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PdfException("PDF rendering failed: " + e.getMessage(), e);
        }
    }

    /**
     * Registers every font for one document: in the main store under its family name (and the generic that
     * maps to it), and in the fallback store that openhtmltopdf consults before its built-in, non-embedded
     * PDF fonts. A font is embedded only if a glyph of it is drawn; both registrations of the same font share
     * one embedded subset.
     */
    private void registerFonts(PdfBoxFontResolver resolver, PDDocument pdf) {
        Map<PdfFonts.LoadedFont, PDFont> perDocument = new IdentityHashMap<>();
        for (PdfFonts.LoadedFont font : fonts.loaded()) {
            String family = font.file().family();
            int weight = font.file().weight();
            resolver.addFont(new SharedFontSupplier(pdf, font, perDocument), family, weight, IdentValue.NORMAL, true,
                    FontGroup.MAIN);
            for (String alias : genericAliases(family)) {
                resolver.addFont(new SharedFontSupplier(pdf, font, perDocument), alias, weight, IdentValue.NORMAL,
                        true, FontGroup.MAIN);
            }
            resolver.addFont(new SharedFontSupplier(pdf, font, perDocument), family, weight, IdentValue.NORMAL, true,
                    FontGroup.PRE_BUILT_IN_FALLBACK);
        }
    }

    /**
     * The generic CSS families the font stands for, as openhtmltopdf looks them up: it turns {@code serif}
     * into {@code Serif} and {@code sans-serif} into {@code SansSerif} before matching (FontUtil).
     */
    private static List<String> genericAliases(String family) {
        List<String> aliases = new ArrayList<>(1);
        if (family.equals(PdfFonts.SERIF)) {
            aliases.add("Serif");
        } else if (family.equals(PdfFonts.SANS)) {
            aliases.add("SansSerif");
        }
        return aliases;
    }

    /**
     * Hands openhtmltopdf a font of this document on first use, made from the shared parsed font: no parsing
     * per document. {@link PDType0Font#load(PDDocument, org.apache.fontbox.ttf.TrueTypeFont, boolean)} does
     * not close the shared font with the document.
     */
    private static final class SharedFontSupplier extends PDFontSupplier {
        private final PDDocument pdf;
        private final PdfFonts.LoadedFont font;
        private final Map<PdfFonts.LoadedFont, PDFont> perDocument;

        SharedFontSupplier(PDDocument pdf, PdfFonts.LoadedFont font, Map<PdfFonts.LoadedFont, PDFont> perDocument) {
            super(null);
            this.pdf = pdf;
            this.font = font;
            this.perDocument = perDocument;
        }

        @Override
        public PDFont supply() {
            return perDocument.computeIfAbsent(font, f -> {
                try {
                    return PDType0Font.load(pdf, f.ttf(), true);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot embed font " + f.file().resource(), e);
                }
            });
        }
    }

    /**
     * A namespace-aware XML parser per thread, made without the JAXP service lookup (which scans the class path
     * on every call: openhtmltopdf's own parsing does that for each document, about a sixth of a page's time),
     * and without DTDs, external entities or XInclude (no XXE: the page is our template's output, but names in
     * it come from the registry).
     */
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e; // reported by parse(), not printed to stderr
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    static Document parse(String xhtml) {
        try {
            return PARSER.get().parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXException | IOException e) {
            throw new PdfException("not well-formed XHTML: " + e.getMessage(), e);
        }
    }

    private static PdfBoxRenderer buildRenderer(PdfRendererBuilder builder) {
        try {
            return builder.buildPdfRenderer();
        } catch (RuntimeException e) {
            throw new PdfException("not well-formed XHTML: " + e.getMessage(), e);
        }
    }

    /** The text of the body: what is drawn (head, style and script are not). */
    static String drawnText(Document dom) {
        StringBuilder text = new StringBuilder(4096);
        Element root = dom.getDocumentElement();
        Node body = root;
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && "body".equalsIgnoreCase(localName(child))) {
                body = child;
            }
        }
        appendText(body, text);
        return text.toString();
    }

    private static void appendText(Node node, StringBuilder text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(child.getNodeValue());
                case Node.ELEMENT_NODE -> {
                    String name = localName(child);
                    if (!"style".equalsIgnoreCase(name) && !"script".equalsIgnoreCase(name)
                            && !"head".equalsIgnoreCase(name)) {
                        appendText(child, text);
                    }
                }
                default -> { }
            }
        }
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static void setInformation(PDDocumentInformation info, RenderOptions options) {
        if (options.title() != null) {
            info.setTitle(options.title());
        }
        if (options.author() != null) {
            info.setAuthor(options.author());
        }
        if (options.subject() != null) {
            info.setSubject(options.subject());
        }
        Instant created = options.creationDate() != null ? options.creationDate() : Instant.now();
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone(JAPAN));
        calendar.setTimeInMillis(created.toEpochMilli());
        info.setCreationDate(calendar);
    }

    /** Font metrics shared by all documents (keyed by family, weight and style). */
    private static final class SharedCache implements FSCacheEx<String, FSCacheValue> {
        private final Map<String, FSCacheValue> map = new ConcurrentHashMap<>();

        @Override
        public void put(String key, FSCacheValue value) {
            map.put(key, value);
        }

        @Override
        public FSCacheValue get(String key, Callable<? extends FSCacheValue> loader) {
            return map.computeIfAbsent(key, k -> {
                try {
                    return loader.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public FSCacheValue get(String key) {
            return map.get(key);
        }
    }
}
