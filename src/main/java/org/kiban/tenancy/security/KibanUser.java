package org.kiban.tenancy.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;
import java.util.Set;

import org.kiban.platform.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in principal: a staff member of one tenant, an API client of one tenant, or a deployment operator
 * (no tenant).
 */
public record KibanUser(Actor.Kind kind, String username, String displayName, String lgCode, String officeCode,
                        Set<String> roles, Set<String> permissions) implements Principal, Serializable {

    @Override
    public String getName() {
        return username;
    }

    public Actor actor() {
        return new Actor(kind, username, displayName, officeCode);
    }

    public List<GrantedAuthority> authorities() {
        return permissions.stream().sorted().map(p -> (GrantedAuthority) new SimpleGrantedAuthority(p)).toList();
    }
}
