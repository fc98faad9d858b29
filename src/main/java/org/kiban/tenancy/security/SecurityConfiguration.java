package org.kiban.tenancy.security;

import org.kiban.platform.ProblemWriter;
import org.kiban.tenancy.internal.ApiTokenService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two ways in. The API ({@code /api/**}): stateless, HTTP Basic or a bearer API token, errors as problem
 * documents. The screens: form sign-in with a session (timeout per tenant parameter) and CSRF protection.
 * Either way the user's tenant is put into the tenant context for the request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] PUBLIC = {"/login", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/problems/**",
            "/error", "/verify/**", "/simulator/**", "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

    @Bean
    AuthenticationManager authenticationManager(Accounts accounts, PasswordEncoder passwords, DemoMode demo) {
        ProviderManager manager = new ProviderManager(new KibanAuthenticationProvider(accounts, passwords, demo.enabled()));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager, ApiTokenService tokens,
                            ProblemWriter problems) throws Exception {
        return http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookie ever authenticates an API request, so there is nothing for CSRF to forge.
                .csrf(c -> c.disable())
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Kiban\", Bearer");
                    problems.write(request, response, HttpStatus.UNAUTHORIZED,
                            e instanceof LockedException ? "account-locked"
                                    : e instanceof DisabledException ? "account-disabled" : "unauthorized");
                }))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"Kiban\", Bearer");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized");
                        })
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden")))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new TenantContextFilter(problems), AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain screens(HttpSecurity http, AuthenticationManager authenticationManager, ProblemWriter problems,
                                @Value("${server.servlet.session.timeout:30m}") String defaultTimeout) throws Exception {
        return http
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler((request, response, authentication) -> {
                            if (authentication.getDetails() instanceof Integer minutes) {
                                request.getSession().setMaxInactiveInterval(minutes * 60);
                            }
                            response.sendRedirect(request.getContextPath() + "/");
                        })
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + "/login?error=" + (e instanceof LockedException ? "locked"
                                : e instanceof DisabledException ? "disabled" : "bad"))))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        // The counter shows certificate PDFs in a frame of its own page (preview and print).
                        .frameOptions(f -> f.sameOrigin())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                                        + "frame-ancestors 'self'")))
                .addFilterAfter(new TenantContextFilter(problems), AuthorizationFilter.class)
                .build();
    }
}
