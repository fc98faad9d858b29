package org.kiban.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.kiban.common.Hashes;

/**
 * {@code manifest.json} of an export: what layout, whose data, full or delta, and per file its rows, bytes and
 * SHA-256. Files are byte-identical for the same data; only {@code exportedAt} differs between two exports of it.
 *
 * @param kind   {@code full} or {@code delta}
 * @param since  the cursor a delta starts after (null for full)
 * @param cursor where the next delta starts
 */
public record Manifest(String layout, String layoutVersion, String lgCode, String kind, String since, String cursor,
                       String exportedAt, List<FileEntry> files) {

    public static final String FULL = "full";
    public static final String DELTA = "delta";

    public record FileEntry(String file, String entity, long rows, long bytes, String sha256) {
    }

    /** The fingerprint of the file set: SHA-256 over the layout version and each file's name and hash. */
    public String fileSetSha256() {
        StringBuilder sb = new StringBuilder(layoutVersion).append('\n');
        files.forEach(f -> sb.append(f.file()).append(' ').append(f.sha256()).append('\n'));
        return Hashes.sha256Hex(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    public long rows() {
        return files.stream().mapToLong(FileEntry::rows).sum();
    }

    public FileEntry entry(String file) {
        return files.stream().filter(f -> f.file().equals(file)).findFirst().orElse(null);
    }
}
