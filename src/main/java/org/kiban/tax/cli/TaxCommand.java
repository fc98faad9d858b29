package org.kiban.tax.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.kiban.platform.CliCommand;
import org.kiban.platform.ProblemException;
import org.kiban.platform.Problems;
import org.kiban.tax.ResidentTaxCalculation;
import org.kiban.tax.TaxCalculationRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/** {@code kiban tax …}: the 個人住民税 from the command line. */
@Component
@Command(name = "tax", description = "個人住民税", subcommands = {TaxCommand.Calc.class, TaxCommand.Assess.class, TaxCommand.Import.class})
class TaxCommand implements CliCommand {

    /**
     * {@code kiban tax calc < input.json}: the same JSON in and out as {@code POST /api/v1/tax/resident-tax/calculations};
     * bad input prints the same problem document and exits with 2.
     */
    @Component
    @Command(name = "calc", description = "1人分の個人住民税を計算します（標準入力のJSON → 標準出力のJSON）")
    static class Calc implements Callable<Integer> {

        private final ResidentTaxCalculation calculation;
        private final JsonMapper json;
        private final Problems problems;

        Calc(ResidentTaxCalculation calculation, JsonMapper json, MessageSource messages) {
            this.calculation = calculation;
            this.json = json;
            this.problems = new Problems(messages);
        }

        @Override
        public Integer call() throws IOException {
            return run(System.in, System.out);
        }

        int run(InputStream in, PrintStream out) throws IOException {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Object answer;
            int exit = 0;
            try {
                answer = calculation.calculate(json.readValue(text, TaxCalculationRequest.class));
            } catch (ProblemException e) {
                ProblemDetail p = problems.of(e.status(), e.code(), e.args());
                e.properties().forEach(p::setProperty);
                answer = document(p);
                exit = 2;
            } catch (UnrecognizedPropertyException e) {
                ProblemDetail p = problems.of(HttpStatus.BAD_REQUEST, "unknown-field", e.getPropertyName());
                p.setProperty("field", path(e));
                answer = document(p);
                exit = 2;
            } catch (DatabindException e) {
                ProblemDetail p = problems.of(HttpStatus.BAD_REQUEST, "invalid-field-value", path(e));
                p.setProperty("field", path(e));
                answer = document(p);
                exit = 2;
            } catch (JacksonException e) {
                answer = document(problems.of(HttpStatus.BAD_REQUEST, "malformed-json"));
                exit = 2;
            }
            out.println(json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(answer));
            out.flush();
            return exit;
        }

        private static String path(DatabindException e) {
            StringBuilder s = new StringBuilder();
            for (var ref : e.getPath()) {
                if (ref.getPropertyName() != null) {
                    s.append(s.length() == 0 ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    s.append('[').append(ref.getIndex()).append(']');
                }
            }
            return s.toString();
        }

        private static Map<String, Object> document(ProblemDetail p) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("type", p.getType().toString());
            doc.put("title", p.getTitle());
            doc.put("status", p.getStatus());
            doc.put("detail", p.getDetail());
            if (p.getProperties() != null) {
                doc.putAll(p.getProperties());
            }
            return doc;
        }
    }

    /** {@code kiban tax assess --tenant 141003 --year 2026}: the annual assessment of everyone registered on 1 January. */
    @Component
    @Command(name = "assess", description = "賦課期日に住民登録のある全員を賦課します（賦課済みの人は飛ばします）")
    static class Assess implements Callable<Integer> {

        @picocli.CommandLine.Option(names = "--tenant", required = true, description = "全国地方公共団体コード（6桁）")
        String tenant;

        @picocli.CommandLine.Option(names = "--year", required = true, description = "課税年度（例 2026 = 令和8年度）")
        int year;

        private final org.kiban.tax.internal.AssessmentService assessments;

        Assess(org.kiban.tax.internal.AssessmentService assessments) {
            this.assessments = assessments;
        }

        @Override
        public Integer call() {
            String lgCode = org.kiban.common.LgCode.of(tenant).value();
            var run = org.kiban.platform.TenantContext.callAs(lgCode, org.kiban.platform.Actor.system("tax-assess"),
                    () -> assessments.assessAll(year, done -> {
                        if (done % 100_000 == 0) {
                            System.out.printf("  %,d 人%n", done);
                        }
                    }));
            System.out.printf("%s %d年度: 登録 %,d 人、賦課 %,d 人（うち課税 %,d 人、年税額計 %,d 円）、賦課済み %,d 人、%.1f 秒%n",
                    lgCode, year, run.registered(), run.assessed(), run.levied(), run.totalYen(), run.alreadyAssessed(),
                    run.seconds());
            return 0;
        }
    }

    /** {@code kiban tax import --tenant … --year 2026 --kind SALARY reports.csv}: one payment-report file. */
    @Component
    @Command(name = "import", description = "給与支払報告書・公的年金等支払報告書（CSV）を取り込みます（全行か、何も取り込まないか）")
    static class Import implements Callable<Integer> {

        @picocli.CommandLine.Option(names = "--tenant", required = true, description = "全国地方公共団体コード（6桁）")
        String tenant;

        @picocli.CommandLine.Option(names = "--year", required = true, description = "課税年度")
        int year;

        @picocli.CommandLine.Option(names = "--kind", required = true, description = "SALARY（給与）または PENSION（公的年金等）")
        org.kiban.tax.internal.IncomeReportImport.Kind kind;

        @picocli.CommandLine.Parameters(index = "0", description = "CSVファイル（UTF-8、見出し行あり）")
        java.nio.file.Path file;

        private final org.kiban.tax.internal.IncomeReportImport reports;

        Import(org.kiban.tax.internal.IncomeReportImport reports) {
            this.reports = reports;
        }

        @Override
        public Integer call() throws IOException {
            String lgCode = org.kiban.common.LgCode.of(tenant).value();
            try (var reader = java.nio.file.Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int n = org.kiban.platform.TenantContext.callAs(lgCode, org.kiban.platform.Actor.system("tax-import"), () -> {
                    try {
                        return reports.importFile(year, kind, file.getFileName().toString(), reader);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                System.out.printf("%s: %,d 件を取り込みました。%n", file.getFileName(), n);
            }
            return 0;
        }
    }
}
