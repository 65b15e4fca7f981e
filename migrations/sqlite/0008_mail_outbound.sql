-- +goose Up
-- One row per mail to send. Everything a send needs is rendered at enqueue
-- time and kept here, so a retry (even after a crash between the relay's
-- 250 and marking the row sent) sends the same mail with the same
-- Message-ID. Message ids are stored without angle brackets.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    ticket_id       INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    message_id      INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('reply', 'received', 'closed')),
    automatic       BOOLEAN NOT NULL,
    from_name       TEXT NOT NULL,
    from_email      TEXT NOT NULL,
    reply_to        TEXT NOT NULL,
    to_name         TEXT NOT NULL DEFAULT '',
    to_email        TEXT NOT NULL,
    cc              TEXT NOT NULL DEFAULT '[]',
    subject         TEXT NOT NULL,
    mail_message_id TEXT NOT NULL UNIQUE,
    in_reply_to     TEXT NOT NULL DEFAULT '',
    mail_references TEXT NOT NULL DEFAULT '',
    body_text       TEXT NOT NULL,
    body_html       TEXT NOT NULL,
    attachments     TEXT NOT NULL DEFAULT '[]',
    status          TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'suppressed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at DATETIME NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      DATETIME NOT NULL,
    sent_at         DATETIME
);
-- The sender's queue: rows due, oldest first. A row being sent is
-- 'sending' with next_attempt_at at the end of its lease.
CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at) WHERE status IN ('queued', 'sending');
-- The per-recipient limit on automatic mail counts recent rows.
CREATE INDEX mail_outbox_recipient ON mail_outbox(to_email, created_at);
CREATE INDEX mail_outbox_ticket ON mail_outbox(ticket_id);
CREATE INDEX mail_outbox_recent ON mail_outbox(created_at);

-- Each team's mails to customers. No row: the built-in default.
CREATE TABLE team_mail_templates (
    team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    kind    TEXT NOT NULL CHECK (kind IN ('reply', 'received', 'closed')),
    enabled BOOLEAN NOT NULL,
    subject TEXT NOT NULL,
    body    TEXT NOT NULL,
    updated_at DATETIME NOT NULL,
    PRIMARY KEY (team_id, kind)
);

-- +goose Down
SELECT 'forward-only';
