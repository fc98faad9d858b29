package org.kiban.tenancy.security;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether demo municipalities and accounts are on: {@code kiban.demo.enabled} if set, otherwise only with the
 * embedded database. Off in production ({@code KIBAN_DB_URL} set), where demo accounts cannot sign in.
 */
@Component
public class DemoMode implements org.kiban.tenancy.DeploymentMode {

    private final boolean enabled;

    DemoMode(Environment env) {
        String explicit = env.getProperty("kiban.demo.enabled", "");
        String dbUrl = env.getProperty("kiban.db.url", "");
        this.enabled = explicit.isBlank() ? dbUrl.isBlank() : Boolean.parseBoolean(explicit);
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public boolean demo() {
        return enabled;
    }
}
