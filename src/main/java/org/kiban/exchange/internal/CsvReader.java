package org.kiban.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A streaming reader of the layout's CSV (RFC 4180, UTF-8, LF or CRLF) that keeps line numbers and tells a value
 * that is absent (nothing between the commas: NULL) from an empty string ({@code ""}). Bytes that are not UTF-8 are
 * reported on their line, not replaced; a byte order mark is reported on line 1. Memory: one record.
 */
final class CsvReader {

    /** One record: the physical line it starts on, its values ({@code null} = absent). */
    record Row(long line, List<String> values) {
    }

    /** A problem of the text itself, on a line. */
    record Problem(long line, String message) {
    }

    interface Problems {
        void report(Problem p);
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final Problems problems;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] lineBytes = new byte[4096];
    private long lineNo;
    private boolean first = true;
    private boolean eof;

    CsvReader(InputStream in, Problems problems) {
        this.in = in;
        this.problems = problems;
    }

    /** The next record, or {@code null} at the end. */
    Row next() throws IOException {
        List<String> values = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean quoted = false;
        boolean fieldStarted = false;
        long start = -1;
        while (true) {
            String text = nextLine();
            if (text == null) {
                if (start < 0) {
                    return null;
                }
                problems.report(new Problem(start, "引用符（\"）が閉じられないままファイルが終わっています。"));
                return null;
            }
            if (start < 0) {
                start = lineNo;
            } else {
                field.append('\n');   // a quoted value that spans lines
            }
            int n = text.length();
            if (!inQuotes && n > 0 && text.charAt(n - 1) == '\r') {
                n--;
            }
            boolean broken = false;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (inQuotes) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            inQuotes = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == ',') {
                    values.add(quoted || field.length() > 0 ? field.toString() : null);
                    field.setLength(0);
                    quoted = false;
                    fieldStarted = false;
                } else if (c == '"') {
                    if (fieldStarted || quoted) {
                        problems.report(new Problem(lineNo, (values.size() + 1) + "番目の値で引用符（\"）の位置が正しくありません"
                                + "（値の途中の引用符は、値全体を引用符で囲み \"\" と書いてください）。"));
                        broken = true;
                        break;
                    }
                    inQuotes = true;
                    quoted = true;
                    fieldStarted = true;
                } else {
                    if (quoted) {
                        problems.report(new Problem(lineNo, (values.size() + 1) + "番目の値で、閉じた引用符（\"）の後に文字があります。"));
                        broken = true;
                        break;
                    }
                    field.append(c);
                    fieldStarted = true;
                }
            }
            if (broken) {
                return new Row(start, null);
            }
            if (!inQuotes) {
                values.add(quoted || field.length() > 0 ? field.toString() : null);
                return new Row(start, values);
            }
            if (n < text.length()) {
                field.append('\r');
            }
        }
    }

    /** Lines read so far (the last line number). */
    long lines() {
        return lineNo;
    }

    /** The next physical line decoded, without its LF; a line that is not UTF-8 is reported and skipped. */
    private String nextLine() throws IOException {
        while (true) {
            int len = 0;
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    if (eof || !fill()) {
                        break;
                    }
                }
                any = true;
                byte b = buf[pos++];
                if (b == '\n') {
                    break;
                }
                if (len == lineBytes.length) {
                    lineBytes = Arrays.copyOf(lineBytes, len * 2);
                }
                lineBytes[len++] = b;
            }
            if (!any) {
                return null;
            }
            lineNo++;
            int offset = 0;
            if (first) {
                first = false;
                if (len >= 3 && lineBytes[0] == BOM[0] && lineBytes[1] == BOM[1] && lineBytes[2] == BOM[2]) {
                    problems.report(new Problem(lineNo, "ファイルの先頭に BOM（バイト順マーク）があります。BOM なしの UTF-8 で作成してください。"));
                    offset = 3;
                }
            }
            try {
                CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(lineBytes, offset, len - offset));
                return chars.toString();
            } catch (CharacterCodingException e) {
                problems.report(new Problem(lineNo, "UTF-8 として読めない文字があります（文字コードを UTF-8 にしてください。"
                        + "Shift_JIS などは使えません）。"));
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
