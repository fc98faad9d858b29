package org.kiban.platform;

/**
 * Marks a subcommand of {@code kiban bench …}: a Spring bean annotated with picocli's {@code @Command}, measuring
 * one module's performance on this deployment's database.
 */
public interface BenchSubcommand {
}
