package org.kiban.platform;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The municipality (tenant) and actor of the current thread's unit of work.
 * <p>
 * Every transaction starts with {@code SET LOCAL kiban.lg_code} taken from here, and PostgreSQL row-level
 * security lets it see that tenant's rows only; with no tenant set a query sees no tenant rows at all.
 * The web layer opens the scope from the signed-in user; jobs and the command line open it explicitly.
 */
public final class TenantContext {

    private record Scope(String lgCode, Actor actor) { }

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<String> currentLgCode() {
        Scope s = CURRENT.get();
        return Optional.ofNullable(s == null ? null : s.lgCode());
    }

    /** The tenant of the current unit of work; fails if there is none (a programming error, not user input). */
    public static String requireLgCode() {
        return currentLgCode().orElseThrow(() -> new IllegalStateException("no tenant in context"));
    }

    public static Actor currentActor() {
        Scope s = CURRENT.get();
        return s == null || s.actor() == null ? Actor.SYSTEM : s.actor();
    }

    /** Runs {@code work} as {@code actor} inside tenant {@code lgCode} ({@code null}: no tenant), then restores. */
    public static <T> T callAs(String lgCode, Actor actor, Supplier<T> work) {
        try (Handle ignored = open(lgCode, actor)) {
            return work.get();
        }
    }

    public static void runAs(String lgCode, Actor actor, Runnable work) {
        try (Handle ignored = open(lgCode, actor)) {
            work.run();
        }
    }

    /** Opens a scope until the returned handle is closed; scopes nest and restore the outer one. */
    public static Handle open(String lgCode, Actor actor) {
        Scope previous = CURRENT.get();
        CURRENT.set(new Scope(lgCode, actor));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Closes a scope opened with {@link #open}. */
    @FunctionalInterface
    public interface Handle extends AutoCloseable {
        @Override
        void close();
    }
}
