package org.kiban.certificate.internal.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Throughput of one-page certificates on this machine, and of the same page with bare openhtmltopdf, for
 * docs/benchmarks.md. Not a test (it takes a minute and its figures depend on the machine); run it with
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.kiban.certificate.internal.pdf.PdfBenchmark
 * </pre>
 *
 * Each variant renders {@value #WARM_UP} documents to warm up, then {@value #ROUNDS} rounds of
 * {@value #DOCUMENTS} on a pool of as many threads as cores, and prints the median documents per second of
 * wall time; then the same on one thread, as milliseconds a document.
 */
public final class PdfBenchmark {

    static final int WARM_UP = 150;
    static final int DOCUMENTS = 300;
    static final int ROUNDS = 5;
    private static double best;
    private static double cpuMillis;
    /** CPU time of the rendering threads (not of the garbage collector): what other processes cannot disturb. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final LongAdder CPU_NANOS = new LongAdder();

    public static void main(String[] args) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf("%d cores, %d MiB max heap, Java %s, load average %s%n", threads,
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), load());

        long start = System.nanoTime();
        PdfFonts fonts = PdfFonts.standard();
        PdfRenderer renderer = new PdfRenderer(fonts);
        System.out.printf("fonts parsed once: %.0f ms%n", (System.nanoTime() - start) / 1e6);
        Map<String, byte[]> fontBytes = readFontFiles(fonts);

        SigningIdentity ec = SigningKeys.generate("横浜市", "神奈川県横浜市長", SigningKeys.Algorithm.EC_P256,
                Instant.now(), SigningKeys.DEFAULT_VALIDITY);
        SigningIdentity rsa = SigningKeys.generate("横浜市", "神奈川県横浜市長");
        PdfSigner signer = new PdfSigner();

        Map<String, IntFunction<byte[]>> variants = new LinkedHashMap<>();
        variants.put("bare openhtmltopdf (fonts from bytes each document)", i -> bare(page(i), fontBytes));
        variants.put("bare openhtmltopdf (Kiban's parsed fonts, GSUB off)", i -> BareRendering.withParsedFonts(page(i), fonts));
        variants.put("Kiban PdfRenderer", i -> renderer.render(page(i)).pdf());
        variants.put("Kiban PdfRenderer + PAdES signature (EC P-256)",
                i -> signer.sign(renderer.render(page(i)).pdf(), ec, Instant.now()));
        variants.put("Kiban PdfRenderer + PAdES signature (RSA 3072)",
                i -> signer.sign(renderer.render(page(i)).pdf(), rsa, Instant.now()));

        Map<String, Double> rates = new LinkedHashMap<>();
        for (Map.Entry<String, IntFunction<byte[]>> variant : variants.entrySet()) {
            double rate = measure(variant.getValue(), threads);
            double bestRate = best;
            double single = measure(variant.getValue(), 1);
            double bestSingle = best;
            rates.put(variant.getKey(), rate);
            System.out.printf("%-55s %6.1f PDFs/s on %d threads (best %5.1f), %5.1f ms each on one thread (best %4.1f,"
                            + " CPU %4.1f ms) (load %s)%n",
                    variant.getKey(), rate, threads, bestRate, 1000 / single, 1000 / bestSingle, cpuMillis, load());
        }
        double kiban = rates.get("Kiban PdfRenderer");
        System.out.printf("time ratio Kiban / bare (fonts from bytes): %.2f%n",
                rates.get("bare openhtmltopdf (fonts from bytes each document)") / kiban);
        System.out.printf("time ratio Kiban / bare (parsed fonts): %.2f%n",
                rates.get("bare openhtmltopdf (Kiban's parsed fonts, GSUB off)") / kiban);
        PdfRenderer.Result sample = renderer.render(page(1));
        String expected = PdfFixtures.text(sample.pdf());
        System.out.printf("one page: %d bytes, %d page(s), all glyphs: %s, same text as bare: %s / %s%n",
                sample.pdf().length, sample.pages(), sample.allGlyphsPresent() && expected.contains("𠮷野 髙橋"),
                PdfFixtures.text(bare(page(1), fontBytes)).equals(expected),
                PdfFixtures.text(BareRendering.withParsedFonts(page(1), fonts)).equals(expected));
    }

    /**
     * Documents per second: the median of {@value #ROUNDS} rounds of {@value #DOCUMENTS} after the warm-up (the
     * best round is printed too: on a shared machine it is the one least disturbed by other processes).
     */
    private static double measure(IntFunction<byte[]> render, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            run(pool, render, WARM_UP);
            double[] rates = new double[ROUNDS];
            CPU_NANOS.reset();
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                run(pool, render, DOCUMENTS);
                rates[round] = DOCUMENTS / ((System.nanoTime() - start) / 1e9);
            }
            java.util.Arrays.sort(rates);
            best = rates[ROUNDS - 1];
            cpuMillis = CPU_NANOS.sum() / 1e6 / (ROUNDS * DOCUMENTS);
            return rates[ROUNDS / 2];
        } finally {
            pool.shutdownNow();
        }
    }

    /** The machine's one-minute load average: another process's load would show here, and in the figures. */
    private static String load() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void run(ExecutorService pool, IntFunction<byte[]> render, int count) throws Exception {
        List<Future<byte[]>> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                long cpu = THREADS.getCurrentThreadCpuTime();
                byte[] pdf = render.apply(n);
                CPU_NANOS.add(THREADS.getCurrentThreadCpuTime() - cpu);
                return pdf;
            }));
        }
        for (Future<byte[]> result : results) {
            if (result.get().length < 1000) {
                throw new IllegalStateException("no PDF");
            }
        }
    }

    /** The same XHTML with openhtmltopdf as its README shows it: fonts supplied as streams, fast mode, A4. */
    static byte[] bare(String xhtml, Map<String, byte[]> fonts) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .useFastMode()
                    .withHtmlContent(xhtml, null)
                    .useDefaultPageSize(210, 297, PageSizeUnits.MM)
                    .toStream(out);
            for (PdfFonts.FontFile file : PdfFixtures.fonts().files()) {
                byte[] bytes = fonts.get(file.resource());
                builder.useFont(() -> new ByteArrayInputStream(bytes), file.family(), file.weight(), FontStyle.NORMAL, true);
            }
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> readFontFiles(PdfFonts fonts) throws IOException {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (PdfFonts.FontFile file : fonts.files()) {
            try (InputStream in = PdfBenchmark.class.getResourceAsStream(file.resource())) {
                bytes.put(file.resource(), in.readAllBytes());
            }
        }
        return bytes;
    }

    /** A 個人票-like A4 page, 40 lines: a title, a table of 36 rows of Japanese text, the 認証文 in two lines. */
    static String page(int number) {
        StringBuilder rows = new StringBuilder();
        LocalDate date = LocalDate.of(1985, 4, 1);
        String[][] items = {
                {"氏名", "𠮷野 髙橋 太郎"}, {"氏名の振り仮名", "ヨシノ タカハシ タロウ"}, {"生年月日", "昭和60年4月1日"},
                {"性別", "男"}, {"続柄", "世帯主"}, {"住所", "神奈川県横浜市中区港町一丁目1番地 﨑山マンション101号"},
                {"住民となった日", "平成30年4月1日"}, {"住所を定めた日", "平成30年4月1日"},
                {"前住所", "東京都千代田区霞が関二丁目1番2号"}, {"本籍", "神奈川県横浜市中区日本大通1番地"},
        };
        for (int i = 0; i < 36; i++) {
            String[] item = items[i % items.length];
            rows.append("<tr><th>").append(item[0]).append("</th><td>").append(item[1]).append(' ')
                    .append(date.plusDays(i + number)).append("</td></tr>");
        }
        return PdfFixtures.page("""
                body { font-family: 'Noto Serif JP'; }
                h1 { font-family: 'Noto Sans JP'; font-size: 16pt; text-align: center; letter-spacing: 0.5em; }
                table { width: 100%%; border-collapse: collapse; }
                th, td { border: 0.5pt solid #000; padding: 0.4mm 1.5mm; text-align: left; font-size: 9.5pt; }
                th { width: 35mm; font-weight: normal; }
                .footer { margin-top: 6mm; font-size: 10pt; }
                """, """
                <h1>住民票の写し</h1>
                <p>発行番号 第%06d号</p>
                <table>%s</table>
                <p class="footer">この写しは、住民票の原本と相違ないことを証明する。<br/>令和8年11月28日 横浜市長 山中 竹春</p>
                """.formatted(number, rows));
    }

    private PdfBenchmark() {
    }
}
