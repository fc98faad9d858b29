package org.kiban.tenancy.security;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kiban.common.CheckDigits;
import org.kiban.platform.ProblemWriter;
import org.kiban.platform.TenantContext;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the signed-in user's tenant into {@link TenantContext} for the request, so every transaction runs under
 * that tenant's row-level security. A tenant resource of another municipality
 * ({@code /api/v1/municipalities/{lgCode}/…}, or the screen {@code /municipalities/{lgCode}/…}) answers 404, as if
 * it did not exist: a problem document for the API, the error page for a screen.
 */
class TenantContextFilter extends OncePerRequestFilter {

    private static final Pattern TENANT_RESOURCE = Pattern.compile("^(/api/v1)?/municipalities/([^/]+)/.+");

    private final ProblemWriter problems;

    TenantContextFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof KibanUser user)) {
            chain.doFilter(request, response);
            return;
        }
        Matcher m = TENANT_RESOURCE.matcher(request.getRequestURI());
        if (m.matches()) {
            String lgCode = m.group(2);
            boolean screen = m.group(1) == null;
            if (screen && !lgCode.equals(user.lgCode())) {
                response.sendError(HttpStatus.NOT_FOUND.value());
                return;
            }
            if (!CheckDigits.isValidLgCode(lgCode)) {
                problems.write(request, response, HttpStatus.BAD_REQUEST, "invalid-lg-code-path", lgCode);
                return;
            }
            if (!lgCode.equals(user.lgCode())) {
                problems.write(request, response, HttpStatus.NOT_FOUND, "not-found", "団体", lgCode);
                return;
            }
        }
        try (TenantContext.Handle ignored = TenantContext.open(user.lgCode(), user.actor())) {
            chain.doFilter(request, response);
        }
    }
}
