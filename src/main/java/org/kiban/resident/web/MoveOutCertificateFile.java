package org.kiban.resident.web;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kiban.common.InvalidValueException;
import org.kiban.resident.Address;
import org.kiban.resident.NewPerson;
import org.kiban.resident.Notification;
import org.kiban.resident.NotificationType;
import org.kiban.resident.Sex;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 転入 started from a file, so that nothing is typed twice: an electronic 転出証明書 as CSV, or an online
 * application as JSON.
 * <ul>
 * <li>CSV: the persons' rows of the 転出証明書 in the standard data layout's resident file ({@code resident.csv}: UTF-8,
 * header row of standard item names, RFC 4180 quoting). Read: 氏名, 氏名フリガナ, 生年月日, 性別 (C05: 1 男, 2 女),
 * 続柄, 本籍, 筆頭者, 住所・方書 (the address moved from), 転出先住所 (the address moved to, as planned),
 * 転出予定年月日, 住民票コード, 個人番号. Other items are ignored.</li>
 * <li>JSON: the body of {@code POST …/notifications} for a 転入 ({@code MOVE_IN_DOMESTIC} or
 * {@code MOVE_IN_FROM_ABROAD}).</li>
 * </ul>
 * The result only pre-fills the form: the clerk checks it, and the same rules as the API apply on the sheet.
 */
final class MoveOutCertificateFile {

    static final int MAX_BYTES = 1_000_000;
    static final int MAX_PERSONS = 30;

    private MoveOutCertificateFile() {
    }

    static NotificationForm read(String filename, byte[] content, JsonMapper json) {
        if (content == null || content.length == 0) {
            throw new InvalidValueException("import-empty", "ファイルを選んでください。");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidValueException("import-too-large", "ファイルが大きすぎます（1MBまで）。");
        }
        String text = utf8(content);
        String name = filename == null ? "" : filename.toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".json") || text.stripLeading().startsWith("{") ? fromJson(text, json) : fromCsv(text);
    }

    private static String utf8(byte[] content) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new InvalidValueException("import-encoding", "ファイルの文字コードは UTF-8 にしてください。");
        }
    }

    private static NotificationForm fromJson(String text, JsonMapper json) {
        Notification n;
        try {
            n = json.readValue(text, Notification.class);
        } catch (RuntimeException e) {
            throw new InvalidValueException("import-json", "JSON を読み取れません（転入の届出の形式で作成してください）。");
        }
        if (!(n instanceof Notification.Entry entry) || entry.type() == NotificationType.EX_OFFICIO_ENTRY) {
            throw new InvalidValueException("import-json", "JSON は転入（MOVE_IN_DOMESTIC・MOVE_IN_FROM_ABROAD）の届出にしてください。");
        }
        NotificationForm form = new NotificationForm();
        form.setType(entry.type());
        form.setEffectiveDate(entry.effectiveDate());
        if (entry.address() != null) {
            form.setAddress(entry.address().address());
            form.setSupplement(entry.address().supplement());
            form.setPostalCode(entry.address().postalCode());
        }
        if (entry.previousAddress() != null) {
            form.setPreviousAddress(entry.previousAddress().full());
        }
        form.setPreviousLgCode(entry.previousLgCode());
        for (NewPerson p : entry.persons() == null ? List.<NewPerson>of() : entry.persons()) {
            form.getPersons().add(NotificationForm.PersonForm.of(p));
        }
        return checked(form);
    }

    private static NotificationForm fromCsv(String text) {
        List<List<String>> rows = parse(text);
        if (rows.size() < 2) {
            throw new InvalidValueException("import-csv", "CSV には項目名の行と1人以上の行が必要です。");
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).strip(), i);
        }
        for (String required : List.of("氏名", "生年月日", "性別", "住所")) {
            if (!column.containsKey(required)) {
                throw new InvalidValueException("import-csv", "CSV の1行目に項目「" + required + "」がありません（標準データレイアウトの住民ファイルの項目名）。");
            }
        }
        NotificationForm form = new NotificationForm();
        form.setType(NotificationType.MOVE_IN_DOMESTIC);
        for (int line = 1; line < rows.size(); line++) {
            List<String> row = rows.get(line);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            java.util.function.Function<String, String> item = key -> {
                Integer i = column.get(key);
                return i == null || i >= row.size() || row.get(i).isEmpty() ? null : row.get(i);
            };
            NotificationForm.PersonForm p = new NotificationForm.PersonForm();
            p.setName(item.apply("氏名"));
            p.setNameKana(item.apply("氏名フリガナ"));
            p.setBirthDate(item.apply("生年月日"));
            p.setSex(sex(item.apply("性別"), line + 1));
            p.setRelationship(item.apply("続柄"));
            p.setPermanentDomicile(item.apply("本籍"));
            p.setFamilyRegisterHead(item.apply("筆頭者"));
            p.setJuminhyoCode(item.apply("住民票コード"));
            p.setIndividualNumber(item.apply("個人番号"));
            form.getPersons().add(p);
            if (form.getPreviousAddress() == null && item.apply("住所") != null) {
                String supplement = item.apply("方書");
                form.setPreviousAddress(new Address(item.apply("住所"), supplement, null, null, null).full());
            }
            if (form.getAddress() == null && item.apply("転出先住所") != null) {
                form.setAddress(item.apply("転出先住所"));
            }
            if (form.getEffectiveDate() == null && item.apply("転出予定年月日") != null) {
                form.setEffectiveDate(item.apply("転出予定年月日"));
            }
        }
        return checked(form);
    }

    private static NotificationForm checked(NotificationForm form) {
        if (form.getPersons().isEmpty()) {
            throw new InvalidValueException("import-empty", "ファイルに転入する人がいません。");
        }
        if (form.getPersons().size() > MAX_PERSONS) {
            throw new InvalidValueException("import-too-large", "1回の転入は" + MAX_PERSONS + "人までです。");
        }
        return form;
    }

    private static Sex sex(String code, int line) {
        if (code == null) {
            return null;
        }
        return switch (code.strip()) {
            case "1", "男", "MALE" -> Sex.MALE;
            case "2", "女", "FEMALE" -> Sex.FEMALE;
            default -> throw new InvalidValueException("import-csv", line + "行目：性別「" + code + "」は 1（男）か 2（女）で指定してください。");
        };
    }

    /** RFC 4180: fields separated by commas, in double quotes when they hold a comma, a quote or a line break. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidValueException("import-csv", "CSV の引用符（\"）が閉じていません。");
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
