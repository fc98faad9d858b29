package org.kiban;

import java.util.Map;

import org.kiban.platform.BenchSubcommand;
import org.kiban.platform.CliCommand;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code kiban <command> …}. Each module contributes its commands as Spring beans annotated
 * with picocli's {@link Command}; they run in a Kiban without the web server, on the same database.
 */
@Command(name = "kiban", mixinStandardHelpOptions = true, version = "Kiban 0.1",
        description = "Kiban: 自治体基幹業務システム. Without a command, serves the screens and the API.")
final class KibanCommandLine {

    private KibanCommandLine() {
    }

    /** {@code kiban bench <module>}: each module contributes its measurement. */
    @Command(name = "bench", mixinStandardHelpOptions = true, description = "性能測定（モジュールごと）")
    static final class Bench {
    }

    static int run(String[] args) {
        if (args[0].equals("help") || args[0].equals("--help")) {
            args = new String[] {"--help"};
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KibanApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(Map.of("logging.level.root", "WARN", "kiban.demo.enabled", "false"))
                .run()) {
            CommandLine.IFactory defaults = CommandLine.defaultFactory();
            CommandLine.IFactory factory = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    return context.getBeanProvider(type).getIfAvailable(() -> {
                        try {
                            return defaults.create(type);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            };
            CommandLine cli = new CommandLine(new KibanCommandLine(), factory);
            for (CliCommand command : context.getBeansOfType(CliCommand.class).values()) {
                cli.addSubcommand(new CommandLine(command, factory));
            }
            CommandLine bench = new CommandLine(new Bench(), factory);
            for (BenchSubcommand command : context.getBeansOfType(BenchSubcommand.class).values()) {
                bench.addSubcommand(new CommandLine(command, factory));
            }
            cli.addSubcommand(bench);
            // Bad input is a message and exit code 2, never a stack trace.
            cli.setExecutionExceptionHandler((e, command, parsed) -> {
                if (e instanceof IllegalArgumentException || e instanceof org.kiban.platform.ProblemException) {
                    command.getErr().println("エラー: " + e.getMessage());
                    return 2;
                }
                throw e;
            });
            return cli.execute(args);
        }
    }
}
