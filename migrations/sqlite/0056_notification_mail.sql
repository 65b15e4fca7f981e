-- +goose Up
-- Notification mail per operator (docs/agent-app.md): every time, a daily
-- digest, or never. A notice waiting for its operator's digest is marked
-- mail_due; the digest job clears the mark when it mails (or drops) it,
-- and digest_sent_at spaces an operator's digests a day apart. A digest
-- is an outbox row of its own kind that belongs to no single ticket;
-- SQLite cannot change a CHECK, so the outbox is rebuilt as in 0047.
ALTER TABLE operators ADD COLUMN notify_mail TEXT NOT NULL DEFAULT 'every'
    CHECK (notify_mail IN ('every', 'digest', 'never'));
ALTER TABLE operators ADD COLUMN digest_sent_at DATETIME;
ALTER TABLE notifications ADD COLUMN mail_due BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX notifications_mail_due ON notifications(operator_id) WHERE mail_due;

CREATE TABLE mail_outbox_new (
    id              INTEGER PRIMARY KEY,
    ticket_id       INTEGER REFERENCES tickets(id) ON DELETE CASCADE,
    chat_id         INTEGER REFERENCES chats(id) ON DELETE CASCADE,
    message_id      INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('reply', 'received', 'closed', 'transcript', 'mention', 'assigned', 'digest')),
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
    sent_at         DATETIME,
    CHECK (kind = 'digest' OR (ticket_id IS NOT NULL) <> (chat_id IS NOT NULL))
);
INSERT INTO mail_outbox_new SELECT id, ticket_id, chat_id, message_id, kind, automatic, from_name, from_email, reply_to,
    to_name, to_email, cc, subject, mail_message_id, in_reply_to, mail_references, body_text, body_html,
    attachments, status, attempts, next_attempt_at, last_error, created_at, sent_at FROM mail_outbox;
DROP TABLE mail_outbox;
ALTER TABLE mail_outbox_new RENAME TO mail_outbox;
CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at) WHERE status IN ('queued', 'sending');
CREATE INDEX mail_outbox_recipient ON mail_outbox(to_email, created_at);
CREATE INDEX mail_outbox_ticket ON mail_outbox(ticket_id);
CREATE INDEX mail_outbox_recent ON mail_outbox(created_at);
CREATE INDEX mail_outbox_chat ON mail_outbox(chat_id) WHERE chat_id IS NOT NULL;

-- +goose Down
SELECT 'forward-only';
