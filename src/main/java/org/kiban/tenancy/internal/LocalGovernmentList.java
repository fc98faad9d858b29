package org.kiban.tenancy.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.kiban.common.CheckDigits;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.LocalGovernmentKind;

/**
 * The list of local governments as shipped in {@code reference/local-governments.csv}, parsed and checked:
 * every code's check digit (全国地方公共団体コード, 総務省), every ward's city, no duplicates. A bad entry is
 * an error that stops start-up, never a row silently loaded.
 */
record LocalGovernmentList(List<LocalGovernment> entries, String sha256) {

    static final String RESOURCE = "reference/local-governments.csv";
    private static final String HEADER = "lg_code,kind,name,kana,prefecture_code,parent_lg_code,population,households,"
            + "population_date,living_cost_grade";

    static LocalGovernmentList load() {
        try (InputStream in = LocalGovernmentList.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    static LocalGovernmentList parse(InputStream in, String source) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<LocalGovernment> entries = new ArrayList<>(2000);
        Set<String> codes = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new DigestInputStream(in, sha),
                StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            boolean headerSeen = false;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    if (!line.equals(HEADER)) {
                        throw new IllegalStateException(source + ":" + lineNo + ": unexpected header " + line);
                    }
                    headerSeen = true;
                    continue;
                }
                LocalGovernment lg = parseLine(line.split(",", -1), source, lineNo);
                if (!codes.add(lg.lgCode())) {
                    throw new IllegalStateException(source + ":" + lineNo + ": duplicate code " + lg.lgCode());
                }
                if (lg.parentLgCode() != null && !codes.contains(lg.parentLgCode())) {
                    throw new IllegalStateException(source + ":" + lineNo + ": ward " + lg.lgCode()
                            + " listed before its city " + lg.parentLgCode());
                }
                entries.add(lg);
            }
        }
        return new LocalGovernmentList(List.copyOf(entries), HexFormat.of().formatHex(sha.digest()));
    }

    private static LocalGovernment parseLine(String[] f, String source, int lineNo) {
        String where = source + ":" + lineNo;
        if (f.length != 10) {
            throw new IllegalStateException(where + ": expected 10 fields, found " + f.length);
        }
        String code = f[0];
        if (!CheckDigits.isValidLgCode(code)) {
            throw new IllegalStateException(where + ": 全国地方公共団体コード " + code + " has a wrong check digit");
        }
        LocalGovernmentKind kind;
        try {
            kind = LocalGovernmentKind.valueOf(f[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": unknown kind " + f[1]);
        }
        if (!code.startsWith(f[4])) {
            throw new IllegalStateException(where + ": code " + code + " is not in prefecture " + f[4]);
        }
        if (f[2].isBlank() || f[3].isBlank()) {
            throw new IllegalStateException(where + ": name and reading are required");
        }
        String parent = f[5].isEmpty() ? null : f[5];
        if ((kind == LocalGovernmentKind.WARD) != (parent != null)) {
            throw new IllegalStateException(where + ": a ward, and only a ward, names its designated city");
        }
        return new LocalGovernment(code, kind, f[2], f[3], f[4], parent, integer(f[6], where), integer(f[7], where),
                f[8].isEmpty() ? null : LocalDate.parse(f[8]), f[9].isEmpty() ? null : f[9]);
    }

    private static Integer integer(String s, String where) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(where + ": not a number: " + s);
        }
    }
}
