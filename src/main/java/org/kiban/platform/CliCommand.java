package org.kiban.platform;

/**
 * Marks a top-level command of {@code kiban <command>}: a Spring bean annotated with picocli's
 * {@code @Command}. Its subcommands are beans too, created by Spring.
 */
public interface CliCommand {
}
