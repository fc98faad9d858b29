package org.kiban.tenancy.security;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kiban.common.CheckDigits;
import org.kiban.platform.Actor;
import org.kiban.platform.ProblemWriter;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.internal.ApiTokenService;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer kbn_…} API tokens: one tenant, the token's permissions only. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final ProblemWriter problems;

    BearerTokenFilter(ApiTokenService tokens, ProblemWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).trim();
        String[] parts = token.split("_");
        Optional<ApiTokenService.ApiToken> found = Optional.empty();
        if (parts.length == 4 && CheckDigits.isValidLgCode(parts[1])) {
            found = TenantContext.callAs(parts[1], Actor.system("api-token"), () -> tokens.authenticate(token));
        }
        if (found.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "invalid-token");
            return;
        }
        ApiTokenService.ApiToken t = found.get();
        Set<String> authorities = new java.util.TreeSet<>(t.permissions());
        t.items().forEach(item -> authorities.add(org.kiban.platform.ApiTokenItems.AUTHORITY_PREFIX + item));
        KibanUser user = new KibanUser(Actor.Kind.API_CLIENT, "token:" + t.tokenId(), t.name(), parts[1], null,
                Set.of(), authorities);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
        chain.doFilter(request, response);
    }
}
