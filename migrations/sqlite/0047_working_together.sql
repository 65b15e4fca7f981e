-- +goose Up
-- Working together: an operator's signature per team, appended to their
-- mailed public answers; in-app notifications (an @name in a note, a new
-- ticket assigned); and mail to operators through the outbox, which needs
-- two more kinds of outbox row ('mention', 'assigned'). SQLite cannot
-- change a CHECK, so the outbox table is rebuilt with the same columns
-- and indexes (those of 0037, which let a row belong to a chat).
CREATE TABLE operator_signatures (
    operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    team_id     INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    body        TEXT NOT NULL,
    PRIMARY KEY (operator_id, team_id)
);

CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY,
    operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    message_id  INTEGER REFERENCES messages(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('mention', 'assigned')),
    actor_id    INTEGER REFERENCES operators(id) ON DELETE SET NULL,
    created_at  DATETIME NOT NULL,
    read_at     DATETIME
);
-- An operator's list, newest first, and the unread badge.
CREATE INDEX notifications_operator ON notifications(operator_id, id);
CREATE INDEX notifications_unread ON notifications(operator_id) WHERE read_at IS NULL;

CREATE TABLE mail_outbox_new (
    id              INTEGER PRIMARY KEY,
    ticket_id       INTEGER REFERENCES tickets(id) ON DELETE CASCADE,
    chat_id         INTEGER REFERENCES chats(id) ON DELETE CASCADE,
    message_id      INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('reply', 'received', 'closed', 'transcript', 'mention', 'assigned')),
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
    CHECK ((ticket_id IS NOT NULL) <> (chat_id IS NOT NULL))
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
