package org.kiban.tenancy.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.platform.Permissions;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scoped API tokens for other systems: one tenant, an explicit list of permissions, optional expiry. The token
 * is shown once; only its SHA-256 is kept. Its text names its tenant ({@code kbn_<lgCode>_<id>_<secret>}), so the
 * lookup runs inside that tenant's row-level security.
 */
@Service
public class ApiTokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as listed (never with its secret). */
    public record ApiToken(String tokenId, String name, Set<String> permissions, Set<String> items, Instant createdAt,
                           String createdBy, Instant expiresAt, Instant revokedAt) {
    }

    /** A newly issued token: {@code token} is shown this once. */
    public record IssuedToken(ApiToken info, String token) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final List<org.kiban.platform.ApiTokenItems> itemCatalogues;

    ApiTokenService(JdbcClient jdbc, AuditTrail audit, List<org.kiban.platform.ApiTokenItems> itemCatalogues) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.itemCatalogues = itemCatalogues;
    }

    /**
     * Issues a token.
     *
     * @param items the items of the inquiry API its system may read (required with {@code inquiry:read}, else none)
     */
    @Transactional
    public IssuedToken issue(String name, Set<String> permissions, Set<String> items, Instant expiresAt) {
        String lgCode = TenantContext.requireLgCode();
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ProblemException.badRequest("invalid-token-name");
        }
        if (permissions == null || permissions.isEmpty()) {
            throw ProblemException.badRequest("token-needs-permissions");
        }
        for (String p : permissions) {
            // Not for systems: operating the deployment, releasing a 支援措置 (a 支援措置責任者's decision for one
            // case) and acting as 応援職員 for another municipality (a person under a mutual-aid agreement).
            if (!Permissions.ALL.contains(p) || Permissions.TENANT_MANAGE.equals(p) || Permissions.PROTECTION_RELEASE.equals(p)
                    || Permissions.DISASTER_AID.equals(p)) {
                throw ProblemException.badRequest("unknown-permission", p);
            }
        }
        items = items == null ? Set.of() : items;
        for (String item : items) {
            if (itemCatalogues.stream().noneMatch(c -> c.items().containsKey(item))) {
                throw ProblemException.badRequest("unknown-token-item", item);
            }
        }
        if (permissions.contains(Permissions.INQUIRY_READ) != !items.isEmpty()) {
            // Minimum data: a system reads only the items named for it, and items mean nothing without the permission.
            throw ProblemException.badRequest("inquiry-needs-items");
        }
        if (expiresAt != null && expiresAt.isBefore(Instant.now())) {
            throw ProblemException.badRequest("expiry-in-past");
        }
        String tokenId = random(6);
        String token = "kbn_" + lgCode + "_" + tokenId + "_" + random(24);
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into api_token (lg_code, token_id, name, token_hash, permissions, items, created_at,
                            created_by, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lgCode, tokenId, name, org.kiban.common.Hashes.sha256Hex(token), new TreeSet<>(permissions).toArray(String[]::new),
                        new TreeSet<>(items).toArray(String[]::new),
                        Timestamp.from(now), TenantContext.currentActor().qualifiedId(),
                        expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        audit.record(AuditEvent.of("token.issued", "api-token", tokenId,
                Map.of("name", name, "permissions", new TreeSet<>(permissions), "items", new TreeSet<>(items))));
        return new IssuedToken(new ApiToken(tokenId, name, new TreeSet<>(permissions), new TreeSet<>(items), now,
                TenantContext.currentActor().qualifiedId(), expiresAt, null), token);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return jdbc.sql("select * from api_token where lg_code = ? order by created_at")
                .param(TenantContext.requireLgCode()).query(ApiTokenService::map).list();
    }

    @Transactional
    public void revoke(String tokenId) {
        int n = jdbc.sql("update api_token set revoked_at = ? where lg_code = ? and token_id = ? and revoked_at is null")
                .params(Timestamp.from(Instant.now()), TenantContext.requireLgCode(), tokenId).update();
        if (n == 0) {
            throw ProblemException.notFound("APIトークン", tokenId);
        }
        audit.record(AuditEvent.of("token.revoked", "api-token", tokenId));
    }

    /** The token named by {@code token} if it is valid now; runs in the tenant the token names. */
    @Transactional(readOnly = true)
    public Optional<ApiToken> authenticate(String token) {
        String[] parts = token.split("_");
        if (parts.length != 4 || !parts[0].equals("kbn") || !parts[1].equals(TenantContext.currentLgCode().orElse(""))) {
            return Optional.empty();
        }
        Optional<ApiToken> found = jdbc.sql("select * from api_token where lg_code = ? and token_id = ? and token_hash = ?")
                .params(parts[1], parts[2], org.kiban.common.Hashes.sha256Hex(token)).query(ApiTokenService::map).optional();
        Instant now = Instant.now();
        return found.filter(t -> t.revokedAt() == null && (t.expiresAt() == null || t.expiresAt().isAfter(now)));
    }

    private static ApiToken map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiToken(rs.getString("token_id"), rs.getString("name"),
                new TreeSet<>(List.of((String[]) rs.getArray("permissions").getArray())),
                new TreeSet<>(List.of((String[]) rs.getArray("items").getArray())),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                expires == null ? null : expires.toInstant(), revoked == null ? null : revoked.toInstant());
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('_', 'x').replace('-', 'y');
    }

}
