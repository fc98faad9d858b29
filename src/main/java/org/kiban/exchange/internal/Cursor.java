package org.kiban.exchange.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kiban.platform.ProblemException;

/**
 * Where a delta export starts: the last 届出番号 and the last 交付連番 the previous export contained. Both are
 * numbered under a lock held until commit (ADR 6; the certificate's daily counter), so a later commit always has a
 * higher number and a delta after this cursor misses nothing.
 */
public record Cursor(long notificationNo, long issueSeq) {

    private static final Pattern FORMAT = Pattern.compile("n(\\d{1,18})-c(\\d{1,18})");

    public static Cursor parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw ProblemException.badRequest("invalid-export-cursor", text);
        }
        return new Cursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    /** The cursor column's bound in a delta of {@code column}. */
    long bound(String column) {
        return switch (column) {
            case "notification_no" -> notificationNo;
            case "issue_seq" -> issueSeq;
            default -> throw new IllegalArgumentException(column);
        };
    }

    @Override
    public String toString() {
        return "n" + notificationNo + "-c" + issueSeq;
    }
}
