package org.kiban.exchange.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kiban.exchange.internal.ImportAttempts;
import org.kiban.platform.Permissions;
import org.kiban.platform.ProblemException;
import org.kiban.resident.WorkListContribution;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 取込みエラー on the counter's work lists: the tenant's latest standard-layout imports and dry runs that found
 * errors, with the first errors (time, file, line, item, message) and each attempt's kept errors as CSV; for staff
 * with the import permission.
 */
@Controller
class ImportErrorWorkList implements WorkListContribution {

    /** Attempts shown. */
    static final int ATTEMPTS = 5;
    /** Error rows shown on the work list. */
    static final int ROWS = 20;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo"));

    private final ImportAttempts attempts;

    ImportErrorWorkList(ImportAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public String heading() {
        return "取込みエラー";
    }

    @Override
    public String permission() {
        return Permissions.EXCHANGE_IMPORT;
    }

    @Override
    public String moreHref(String lgCode) {
        return null;
    }

    @Override
    public List<Item> items(String lgCode, LocalDate date) {
        return List.of();
    }

    @Override
    public Table table(String lgCode, LocalDate date) {
        List<ImportAttempts.Attempt> found = attempts.withErrors(ATTEMPTS);
        List<ImportAttempts.StoredError> errors = attempts.errors(found.stream().map(ImportAttempts.Attempt::attemptNo).toList(), ROWS);
        List<List<Cell>> rows = new ArrayList<>();
        for (ImportAttempts.StoredError e : errors) {
            rows.add(List.of(Cell.of(TIME.format(e.finishedAt())), Cell.of(e.dryRun() ? "検査" : "取込み"), Cell.of(e.source()),
                    Cell.of(e.file()), Cell.of(e.line() > 0 ? e.line() + "行目" : "ファイル全体"),
                    Cell.of(e.item() == null ? "—" : e.item()), Cell.of(e.message())));
        }
        long total = found.stream().mapToLong(ImportAttempts.Attempt::errorCount).sum();
        Map<String, String> links = new LinkedHashMap<>();
        for (ImportAttempts.Attempt a : found) {
            links.put(TIME.format(a.finishedAt()) + " " + (a.dryRun() ? "検査" : "取込み") + "（" + a.source() + "）のエラー "
                    + String.format("%,d", a.errorCount()) + " 件（CSV）", csvHref(lgCode, a.attemptNo()));
        }
        String summary = found.isEmpty() ? null : "直近 " + found.size() + " 回の取込み・検査でエラー " + String.format("%,d", total)
                + " 件" + (total > rows.size() ? "（最初の " + rows.size() + " 件を表示）" : "") + "。取込みはエラーがあると何も反映しません。";
        return new Table(List.of("日時", "種別", "ファイル一式", "ファイル", "行", "項目", "内容"), rows, summary,
                "エラーのあった取込み・検査はありません。", links);
    }

    static String csvHref(String lgCode, long attemptNo) {
        return "/municipalities/" + lgCode + "/import-attempts/" + attemptNo + "/errors.csv";
    }

    /** The errors kept of one attempt (the first 1,000), as CSV. */
    @GetMapping(value = "/municipalities/{lgCode}/import-attempts/{attemptNo}/errors.csv", produces = "text/csv")
    @PreAuthorize("hasAuthority('" + Permissions.EXCHANGE_IMPORT + "')")
    @Transactional
    public ResponseEntity<String> csv(@PathVariable String lgCode, @PathVariable long attemptNo) {
        ImportAttempts.Attempt a = attempts.attempt(attemptNo).orElseThrow(() -> ProblemException.notFound("取込み", attemptNo));
        StringBuilder csv = new StringBuilder("\uFEFFファイル,行,項目,内容\r\n");
        for (ImportAttempts.StoredError e : attempts.errors(List.of(a.attemptNo()), Integer.MAX_VALUE)) {
            csv.append(cell(e.file())).append(',').append(e.line()).append(',').append(cell(e.item())).append(',')
                    .append(cell(e.message())).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("import-errors-" + lgCode + "-" + attemptNo + ".csv").build().toString())
                .body(csv.toString());
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
