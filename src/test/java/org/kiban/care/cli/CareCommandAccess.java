package org.kiban.care.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/** Runs {@code kiban care premium < input} through picocli, as the command line does, inside the test's application. */
public final class CareCommandAccess {

    public record Run(int exitCode, String out, String err) {
    }

    private CareCommandAccess() {
    }

    public static Run premium(ApplicationContext context, String input) {
        CareCommand.Premium command = context.getBean(CareCommand.Premium.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        try {
            int code = new CommandLine(context.getBean(CareCommand.class), new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    return context.getBeanProvider(type).getIfAvailable(() -> {
                        try {
                            return CommandLine.defaultFactory().create(type);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }).execute("premium");
            return new Run(code, out.toString(StandardCharsets.UTF_8).trim(), err.toString(StandardCharsets.UTF_8).trim());
        } finally {
            command.in = System.in;
            command.out = System.out;
            command.err = System.err;
        }
    }
}
