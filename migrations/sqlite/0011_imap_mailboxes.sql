-- +goose Up
-- IMAP mailboxes a team's mail is fetched from. The password is stored in
-- plain text (docs/imap.md says so). uidvalidity and last_uid are the sync
-- position: every message with a higher UID is still to be imported.
CREATE TABLE mailboxes (
    id                INTEGER PRIMARY KEY,
    team_id           INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    host              TEXT NOT NULL,
    port              INTEGER NOT NULL,
    tls_mode          TEXT NOT NULL CHECK (tls_mode IN ('tls', 'starttls', 'none')),
    username          TEXT NOT NULL,
    password          TEXT NOT NULL,
    folder            TEXT NOT NULL DEFAULT 'INBOX',
    enabled           BOOLEAN NOT NULL DEFAULT TRUE,
    uidvalidity       INTEGER NOT NULL DEFAULT 0,
    last_uid          INTEGER NOT NULL DEFAULT 0,
    last_sync_at      DATETIME,
    last_error        TEXT NOT NULL DEFAULT '',
    messages_imported INTEGER NOT NULL DEFAULT 0,
    created_at        DATETIME NOT NULL,
    updated_at        DATETIME NOT NULL,
    UNIQUE (host, port, username, folder)
);
CREATE INDEX mailboxes_team ON mailboxes(team_id, id);

-- +goose Down
SELECT 'forward-only';
