package org.kiban;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Kiban: {@code java -jar kiban.jar} serves the screens and the API; {@code java -jar kiban.jar <command>} runs a
 * command-line job (see {@code java -jar kiban.jar help}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Kiban", sharedModules = {"platform", "common"})
public class KibanApplication {

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("-") || args[0].equals("serve")) {
            String[] rest = args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
            SpringApplication.run(KibanApplication.class, rest);
        } else {
            System.exit(KibanCommandLine.run(args));
        }
    }
}
