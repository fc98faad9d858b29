package org.kiban.exchange.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kiban.exchange.internal.Webhooks;
import org.kiban.platform.Permissions;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions of a tenant (the change feed pushed; see {@link Webhooks} for the signature). */
@RestController
@RequestMapping("/api/v1/municipalities/{lgCode}/webhooks")
@Tag(name = "exchange", description = "データ連携（Webhook）")
public class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** A new subscription: {@code after} is the feed cursor to start after (default: from now on). */
    public record NewWebhook(String url, String description, Long after) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.TOKEN_WRITE + "')")
    @Operation(summary = "Subscribe an endpoint to the change feed (the HMAC secret is shown once)")
    public Webhooks.Subscription create(@PathVariable String lgCode, @RequestBody NewWebhook w) {
        return webhooks.create(w.url(), w.description(), w.after());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + Permissions.TOKEN_WRITE + "')")
    @Operation(summary = "Subscriptions with their cursor, the feed's head, failures and the last answer")
    public List<Webhooks.Subscription> list(@PathVariable String lgCode) {
        return webhooks.list();
    }

    @DeleteMapping("/{webhookId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permissions.TOKEN_WRITE + "')")
    public void revoke(@PathVariable String lgCode, @PathVariable String webhookId) {
        webhooks.revoke(webhookId);
    }
}
