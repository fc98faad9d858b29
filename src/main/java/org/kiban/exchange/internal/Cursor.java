package org.kiban.exchange.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kiban.exchange.internal.layout.LayoutFile;
import org.kiban.platform.ProblemException;

/**
 * Where a delta export starts, as text {@code n<届出番号>-c<交付連番>-g<書き出し世代>}:
 * <ul>
 * <li>the last 届出番号 and the last 交付連番 the previous export contained. Both are numbered under a lock held until
 * commit (ADR 6; the certificate's daily counter), so a later commit always has a higher number and a delta after
 * this cursor misses nothing;</li>
 * <li>the highest export generation of the other files' rows (the registry's state tables, tax and care) the previous
 * export contained (0 when it had none; ADR 0016). Every row of those files is stamped with the tenant's generation
 * when it is inserted or updated, and an export closes the generation before it takes its snapshot, so every row
 * written or changed after the snapshot carries a higher one. A delta holds those files' rows stamped above it: the
 * rows added and the state rows changed since.</li>
 * </ul>
 * A cursor of the two-part form {@code n…-c…} (written before the generation existed, when a delta carried the tax and
 * care files whole) still parses; it has no generation ({@code null}): nothing is known of which of those rows its
 * export held, so a delta after it carries those files whole, as it did then.
 */
public record Cursor(long notificationNo, long issueSeq, Long generation) {

    private static final Pattern FORMAT = Pattern.compile("n(\\d{1,18})-c(\\d{1,18})(?:-g(\\d{1,18}))?");

    public static Cursor parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw ProblemException.badRequest("invalid-export-cursor", text);
        }
        return new Cursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                m.group(3) == null ? null : Long.parseLong(m.group(3)));
    }

    /** The cursor column's bound in a delta of {@code column}; null: no bound (the whole file). */
    Long bound(String column) {
        return switch (column) {
            case "notification_no" -> notificationNo;
            case "issue_seq" -> issueSeq;
            case LayoutFile.GENERATION -> generation;
            default -> throw new IllegalArgumentException(column);
        };
    }

    @Override
    public String toString() {
        return "n" + notificationNo + "-c" + issueSeq + (generation == null ? "" : "-g" + generation);
    }
}
