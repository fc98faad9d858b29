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
@Command(name = "tax", description = "個人住民税", subcommands = TaxCommand.Calc.class)
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
}
