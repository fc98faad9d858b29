package org.kiban;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** The demo accounts the tests sign in with (README lists them). */
public final class TestAccounts {

    public static final String PASSWORD = "kiban-demo-2026";
    public static final String YOKOHAMA = "141003";
    public static final String SABAE = "182079";
    public static final String HINOHARA = "133078";

    private TestAccounts() {
    }

    /** Signs in to the API with HTTP Basic. */
    public static RequestPostProcessor as(String username) {
        return httpBasic(username, PASSWORD);
    }

    /** Signs in to the screens through the login form and returns the session. */
    public static MockHttpSession signIn(MockMvc mvc, String username) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
