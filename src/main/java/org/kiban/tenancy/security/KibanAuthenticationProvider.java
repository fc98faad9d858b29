package org.kiban.tenancy.security;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password sign-in for the screens (form) and the API (HTTP Basic). Locks an account after the tenant's
 * number of failures; refuses demo accounts unless demo mode is on, so the published demo password never
 * opens a production deployment.
 */
class KibanAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(KibanAuthenticationProvider.class);

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final boolean demoEnabled;
    private final String dummyHash;

    KibanAuthenticationProvider(Accounts accounts, PasswordEncoder passwords, boolean demoEnabled) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.demoEnabled = demoEnabled;
        this.dummyHash = passwords.encode("not-a-password-of-anyone");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getName()).trim();
        String password = String.valueOf(authentication.getCredentials());
        Optional<Accounts.Account> found = username.isEmpty() ? Optional.empty() : accounts.find(username);
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash); // same time as for an existing account
            throw new BadCredentialsException("unknown account");
        }
        Accounts.Account account = found.get();
        if (account.demo() && !demoEnabled) {
            log.warn("refused demo account {}: demo mode is off", username);
            throw new DisabledException("demo account outside demo mode");
        }
        if (!account.enabled()) {
            throw new DisabledException("account disabled");
        }
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(Instant.now())) {
            throw new LockedException("account locked");
        }
        if (!passwords.matches(password, account.passwordHash())) {
            boolean locked = accounts.recordFailure(account);
            throw locked ? new LockedException("account locked now") : new BadCredentialsException("wrong password");
        }
        int sessionMinutes = accounts.recordSuccess(account);
        KibanUser user = account.toUser();
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
        result.setDetails(sessionMinutes);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
