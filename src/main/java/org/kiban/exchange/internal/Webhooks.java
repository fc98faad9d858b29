package org.kiban.exchange.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.common.KeyWrapping;
import org.kiban.exchange.ChangeFeedEntry;
import org.kiban.platform.Actor;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.Tenant;
import org.kiban.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks: the change feed pushed to other systems' endpoints. Each subscription keeps a cursor into the feed; a
 * worker posts the entries after it (up to 100 a delivery, oldest first), signed with HMAC-SHA256, and advances the
 * cursor only on a 2xx answer. A failure is retried with exponential backoff (base × 2^(failures−1), at most an
 * hour); a receiver that was down gets everything it missed, in order, once it answers again. The worker claims a
 * subscription with a lease ({@code next_attempt_at}), so several Kiban processes never deliver the same entries
 * at once. Signature: {@code Kiban-Signature: v1=hex(HMAC-SHA256(secret, timestamp + "." + body))} with
 * {@code Kiban-Timestamp} in epoch seconds (a receiver rejects old timestamps against replays).
 */
@Service
public class Webhooks {

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    private static final Actor WORKER = Actor.system("webhooks");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BATCH = 100;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    /** A subscription as listed; {@code secret} only in the answer to its creation. */
    public record Subscription(String webhookId, String url, String description, Instant createdAt, String createdBy,
                               Instant revokedAt, long deliveredSeq, long feedSeq, int failures, Instant nextAttemptAt,
                               Instant lastAttemptAt, Integer lastStatus, String lastError, String secret) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ChangeFeed feed;
    private final Tenants tenants;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final boolean allowHttp;
    private final boolean allowPrivateAddresses;
    private final Duration retryBase;
    private final KeyWrapping wrapping;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Webhooks(JdbcClient jdbc, TransactionTemplate tx, ChangeFeed feed, Tenants tenants, AuditTrail audit, JsonMapper json,
             @Value("${kiban.webhooks.allow-http:false}") boolean allowHttp,
             @Value("${kiban.webhooks.allow-private-addresses:false}") boolean allowPrivateAddresses,
             @Value("${kiban.webhooks.retry-base-ms:5000}") long retryBaseMs, KeyWrapping wrapping) {
        this.wrapping = wrapping;
        this.jdbc = jdbc;
        this.tx = tx;
        this.feed = feed;
        this.tenants = tenants;
        this.audit = audit;
        this.json = json;
        this.allowHttp = allowHttp;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.retryBase = Duration.ofMillis(retryBaseMs);
    }

    /** Subscribes an endpoint from the feed entry after {@code after} (default: from now on). */
    @Transactional
    public Subscription create(String url, String description, Long after) {
        String lg = TenantContext.requireLgCode();
        URI uri = endpoint(url);
        long head = feedHead(lg);
        long from = after == null ? head : after;
        if (from < 0 || from > head) {
            throw ProblemException.badRequest("invalid-cursor");
        }
        String id = random(6);
        String secret = "whsec_" + random(24);
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into webhook_subscription (lg_code, webhook_id, url, secret_wrapped, description, created_at,
                            created_by, delivered_seq, next_attempt_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lg, id, uri.toString(), wrap(lg, id, secret), description, Timestamp.from(now),
                        TenantContext.currentActor().qualifiedId(), from, Timestamp.from(now))
                .update();
        audit.record(AuditEvent.of("webhook.created", "webhook", id, Map.of("url", uri.toString(), "after", from)));
        return new Subscription(id, uri.toString(), description, now, TenantContext.currentActor().qualifiedId(), null,
                from, head, 0, now, null, null, null, secret);
    }

    @Transactional(readOnly = true)
    public List<Subscription> list() {
        String lg = TenantContext.requireLgCode();
        long head = feedHead(lg);
        return jdbc.sql("select * from webhook_subscription where lg_code = ? order by created_at")
                .param(lg).query((rs, n) -> new Subscription(rs.getString("webhook_id"), rs.getString("url"),
                        rs.getString("description"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by"), instant(rs.getTimestamp("revoked_at")),
                        rs.getLong("delivered_seq"), head, rs.getInt("failures"),
                        instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("last_attempt_at")),
                        (Integer) rs.getObject("last_status"), rs.getString("last_error"), null))
                .list();
    }

    @Transactional
    public void revoke(String webhookId) {
        int n = jdbc.sql("update webhook_subscription set revoked_at = ? where lg_code = ? and webhook_id = ? and revoked_at is null")
                .params(Timestamp.from(Instant.now()), TenantContext.requireLgCode(), webhookId).update();
        if (n == 0) {
            throw ProblemException.notFound("Webhook", webhookId);
        }
        audit.record(AuditEvent.of("webhook.revoked", "webhook", webhookId));
    }

    /** Delivers what is due, tenant by tenant. */
    @Scheduled(fixedDelayString = "${kiban.webhooks.poll-interval-ms:2000}", initialDelayString = "${kiban.webhooks.poll-interval-ms:2000}")
    void deliverDue() {
        for (Tenant tenant : tenants.all()) {
            try {
                TenantContext.runAs(tenant.lgCode(), WORKER, this::deliverDueOfTenant);
            } catch (RuntimeException e) {
                log.warn("webhook delivery of tenant {} failed: {}", tenant.lgCode(), e.toString());
            }
        }
    }

    private void deliverDueOfTenant() {
        String lg = TenantContext.requireLgCode();
        record Claim(String id, String url, String secret, byte[] secretWrapped, long deliveredSeq, int failures) { }
        // Claim the due subscriptions that have something to deliver: the lease keeps other workers off them.
        List<Claim> claims = tx.execute(s -> jdbc.sql("""
                        update webhook_subscription w set next_attempt_at = ?
                        where lg_code = ? and revoked_at is null and next_attempt_at <= ?
                          and exists (select 1 from change_feed f where f.lg_code = w.lg_code and f.seq > w.delivered_seq)
                        returning webhook_id, url, secret, secret_wrapped, delivered_seq, failures""")
                .params(Timestamp.from(Instant.now().plus(LEASE)), lg, Timestamp.from(Instant.now()))
                .query((rs, n) -> new Claim(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        rs.getLong(5), rs.getInt(6)))
                .list());
        for (Claim c : claims) {
            List<ChangeFeedEntry> entries = feed.after(c.deliveredSeq(), BATCH);
            if (entries.isEmpty()) {
                continue;
            }
            long last = entries.get(entries.size() - 1).seq();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("lgCode", lg);
            payload.put("webhookId", c.id());
            payload.put("changes", entries);
            payload.put("next", last);
            String body = json.writeValueAsString(payload);
            Integer status = null;
            String error = null;
            try {
                status = post(c.url(), secretOf(lg, c.id(), c.secret(), c.secretWrapped()), c.id(),
                        lg + ":" + entries.get(0).seq() + "-" + last, body);
                if (status / 100 != 2) {
                    error = "HTTP " + status;
                }
            } catch (java.io.IOException e) {
                // The kind of failure only: an exception's text could map the deployment's network for the caller.
                error = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Integer answered = status;
            String failure = error;
            tx.executeWithoutResult(s -> {
                if (failure == null) {
                    // Acknowledged: advance the cursor and come back at once for more.
                    jdbc.sql("""
                                    update webhook_subscription set delivered_seq = ?, failures = 0, next_attempt_at = ?,
                                        last_attempt_at = ?, last_status = ?, last_error = null
                                    where lg_code = ? and webhook_id = ? and delivered_seq = ?""")
                            .params(last, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), answered, lg, c.id(),
                                    c.deliveredSeq())
                            .update();
                } else {
                    int failures = c.failures() + 1;
                    jdbc.sql("""
                                    update webhook_subscription set failures = ?, next_attempt_at = ?, last_attempt_at = ?,
                                        last_status = ?, last_error = ?
                                    where lg_code = ? and webhook_id = ?""")
                            .params(failures, Timestamp.from(Instant.now().plus(backoff(failures))),
                                    Timestamp.from(Instant.now()), answered, truncate(failure), lg, c.id())
                            .update();
                }
            });
        }
    }

    /** base × 2^(failures−1), at most an hour. */
    Duration backoff(int failures) {
        Duration d = retryBase.multipliedBy(1L << Math.min(failures - 1, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /** The HMAC key wrapped for storage, bound to its tenant and webhook: a blob copied to another row does not unwrap. */
    private byte[] wrap(String lg, String webhookId, String secret) {
        return wrapping.wrap(secret.getBytes(StandardCharsets.UTF_8), "webhook:" + lg + ":" + webhookId);
    }

    /**
     * The HMAC key of a subscription: unwrapped, or, for a key stored as text before keys were wrapped, that text,
     * which is wrapped now and its text removed.
     */
    private String secretOf(String lg, String webhookId, String text, byte[] wrapped) {
        if (wrapped != null) {
            return new String(wrapping.unwrap(wrapped, "webhook:" + lg + ":" + webhookId), StandardCharsets.UTF_8);
        }
        tx.executeWithoutResult(s -> jdbc.sql("""
                        update webhook_subscription set secret_wrapped = ?, secret = null
                        where lg_code = ? and webhook_id = ? and secret_wrapped is null""")
                .params(wrap(lg, webhookId, text), lg, webhookId).update());
        return text;
    }

    private int post(String url, String secret, String id, String delivery, String body)
            throws java.io.IOException, InterruptedException {
        refuseInternal(URI.create(url));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Kiban-Webhook-Id", id)
                .header("Kiban-Delivery", delivery)
                .header("Kiban-Timestamp", timestamp)
                .header("Kiban-Signature", "v1=" + signature(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** hex(HMAC-SHA256(secret, timestamp + "." + body)): what a receiver recomputes to check a delivery. */
    public static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SSRF: a subscription must not make Kiban post into its own network (cloud metadata, the database, other
     * services). The host is resolved at each delivery and every address checked; loopback, link-local, private,
     * carrier-grade NAT, unique-local, multicast and unspecified addresses are refused unless the deployment allows
     * them ({@code kiban.webhooks.allow-private-addresses}, for tests and closed networks).
     */
    private void refuseInternal(URI uri) throws java.io.IOException {
        if (allowPrivateAddresses) {
            return;
        }
        for (java.net.InetAddress a : java.net.InetAddress.getAllByName(uri.getHost())) {
            if (isInternal(a)) {
                throw new java.net.ConnectException("internal address refused");
            }
        }
    }

    static boolean isInternal(java.net.InetAddress a) {
        byte[] b = a.getAddress();
        boolean cgnat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        return a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress() || cgnat || uniqueLocal;
    }

    private URI endpoint(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getUserInfo() != null
                || !("https".equals(uri.getScheme()) || (allowHttp && "http".equals(uri.getScheme())))) {
            throw ProblemException.badRequest("invalid-webhook-url").with("field", "url");
        }
        return uri;
    }

    private long feedHead(String lg) {
        return jdbc.sql("select coalesce(max(last_seq), 0) from change_feed_head where lg_code = ?").param(lg)
                .query(Long.class).single();
    }

    private static String truncate(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('_', 'x').replace('-', 'y');
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {
    }
}
