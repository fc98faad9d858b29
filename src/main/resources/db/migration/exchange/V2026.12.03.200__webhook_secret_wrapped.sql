-- A webhook's HMAC key is stored wrapped under the deployment's master secret (KeyWrapping: AES-256-GCM, bound to the
-- tenant and the webhook), no longer as text: a copy of the database no longer lets its reader sign deliveries.
-- Keys stored as text before keep working and are wrapped at their next delivery (Webhooks.secretOf).
alter table webhook_subscription add column secret_wrapped bytea;
alter table webhook_subscription alter column secret drop not null;
alter table webhook_subscription add constraint webhook_subscription_secret_present
    check (secret is not null or secret_wrapped is not null);
