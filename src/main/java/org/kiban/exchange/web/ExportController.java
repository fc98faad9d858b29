package org.kiban.exchange.web;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.kiban.exchange.internal.Cursor;
import org.kiban.exchange.internal.Exporter;
import org.kiban.platform.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's data set in the standard layout, as one ZIP streamed while it is exported (the CSV files, then
 * {@code manifest.json}): full, or a delta after the {@code cursor} of a previous manifest. For the tenant's system
 * administrator; audited as one export.
 */
@RestController
@Tag(name = "exchange", description = "データ連携（標準データレイアウト）")
public class ExportController {

    private final Exporter exporter;

    ExportController(Exporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping(value = "/api/v1/municipalities/{lgCode}/exports", produces = "application/zip")
    @PreAuthorize("hasAuthority('" + Permissions.EXCHANGE_EXPORT + "')")
    @Operation(summary = "Export in the standard layout (ZIP: CSV files and manifest.json); since = a previous cursor for a delta")
    public void export(@PathVariable String lgCode, @RequestParam(required = false) String since,
                       HttpServletResponse response) throws IOException {
        Cursor cursor = since == null || since.isBlank() ? null : Cursor.parse(since);
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"kiban-" + lgCode
                + (cursor == null ? "-full" : "-delta") + ".zip\"");
        try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream())) {
            exporter.export(lgCode, cursor, file -> {
                zip.putNextEntry(new ZipEntry(file));
                return new FilterOutputStream(zip) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        zip.closeEntry();
                    }
                };
            }, null);
        }
    }
}
