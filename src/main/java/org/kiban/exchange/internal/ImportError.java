package org.kiban.exchange.internal;

/**
 * One problem of an import, where it is: file, line (1 = the header; 0 = the file as a whole) and item.
 *
 * @param item the standard item name, or {@code null} when the problem is the line or the file
 */
public record ImportError(String file, long line, String item, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? " " + line + "行目" : "") + (item == null ? "" : " " + item) + ": " + message;
    }
}
