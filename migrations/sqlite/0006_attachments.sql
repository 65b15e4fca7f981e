-- +goose Up
-- Files of a message (uploads, mail parts). The bytes live in the blob
-- store under the data directory, named by their SHA-256.
CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    ticket_id    INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    message_id   INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    sha256       TEXT NOT NULL,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    content_id   TEXT NOT NULL DEFAULT '',
    inline       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   DATETIME NOT NULL
);
CREATE INDEX attachments_ticket ON attachments(ticket_id, message_id);
CREATE INDEX attachments_message ON attachments(message_id);

-- Values a website form collected beyond the ticket's own fields, each
-- with the label it had when the customer answered.
CREATE TABLE ticket_fields (
    ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    label     TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (ticket_id, position)
);

-- +goose Down
SELECT 'forward-only';
