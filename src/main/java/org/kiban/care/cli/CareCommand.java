package org.kiban.care.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.kiban.care.internal.CareInputException;
import org.kiban.care.internal.JsonInput;
import org.kiban.care.internal.PremiumCalculations;
import org.kiban.platform.CliCommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** {@code kiban care …}: 介護保険 from the command line. */
@Component
@Command(name = "care", mixinStandardHelpOptions = true, description = "介護保険",
        subcommands = {CareCommand.Premium.class, DailyCommand.class})
class CareCommand implements CliCommand {

    /**
     * {@code kiban care premium < input.json}: the JSON of {@code POST /api/v1/care/premium-calculations} on standard
     * input, its answer on standard output; bad input prints the same problem document on standard error, exit 2.
     */
    @Component
    @Command(name = "premium", mixinStandardHelpOptions = true,
            description = "第1号保険料を計算します（標準入力に JSON、標準出力に結果の JSON）")
    static class Premium implements Callable<Integer> {

        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;

        private final PremiumCalculations calculations;

        Premium(PremiumCalculations calculations) {
            this.calculations = calculations;
        }

        @Override
        public Integer call() throws IOException {
            String input = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            try {
                out.println(calculations.calculateJson(input));
                return 0;
            } catch (CareInputException e) {
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("type", "/problems/care-invalid-input");
                problem.put("title", "入力が正しくありません");
                problem.put("status", 400);
                problem.put("detail", e.field() + ": " + e.reason());
                problem.put("code", "care-invalid-input");
                problem.put("field", e.field());
                err.println(JsonInput.mapper().writeValueAsString(problem));
                return 2;
            }
        }
    }
}
