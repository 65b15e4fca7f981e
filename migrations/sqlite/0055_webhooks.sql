-- +goose Up
-- Webhooks (docs/webhooks.md): per install, a URL, the events it wants, a
-- secret that signs each delivery, and whether customers may see what it
-- receives. A delivery is a row written in the transaction of the change
-- it reports and sent later by the webhook sender, with retries and
-- backoff as the outbox does for mail; its last attempt stays visible.
CREATE TABLE webhooks (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    url             TEXT NOT NULL,
    events          TEXT NOT NULL DEFAULT '[]',
    secret          TEXT NOT NULL,
    customer_facing BOOLEAN NOT NULL DEFAULT FALSE,
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      DATETIME NOT NULL,
    updated_at      DATETIME NOT NULL
);

CREATE TABLE webhook_deliveries (
    id              INTEGER PRIMARY KEY,
    webhook_id      INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    event           TEXT NOT NULL,
    body            TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at DATETIME NOT NULL,
    status_code     INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      DATETIME NOT NULL,
    attempted_at    DATETIME
);
-- The sender's due rows, and a webhook's last deliveries, newest first.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status IN ('queued', 'sending');
CREATE INDEX webhook_deliveries_hook ON webhook_deliveries(webhook_id, id);
-- Deliveries older than the retention are pruned by the sender.
CREATE INDEX webhook_deliveries_created ON webhook_deliveries(created_at);

-- +goose Down
SELECT 'forward-only';
