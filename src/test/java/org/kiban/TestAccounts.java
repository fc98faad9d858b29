package org.kiban;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** The demo accounts the tests sign in with (README lists them). */
public final class TestAccounts {

    public static final String PASSWORD = "kiban-demo-2026";
    public static final String YOKOHAMA = "141003";
    public static final String SABAE = "182079";
    public static final String HINOHARA = "133078";

    private TestAccounts() {
    }

    public static RequestPostProcessor as(String username) {
        return httpBasic(username, PASSWORD);
    }
}
