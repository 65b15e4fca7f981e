-- +goose Up
-- Who has a ticket open, and whether they are typing (collision
-- detection). A row per operator and ticket, refreshed by the page every
-- few seconds; a row whose seen_at is older than the presence TTL counts
-- as gone (a closed laptop sends no goodbye) and is swept on the next
-- write. Kept in the database so every node sees every operator.
CREATE TABLE ticket_presence (
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    typing      BOOLEAN NOT NULL DEFAULT FALSE,
    seen_at     DATETIME NOT NULL,
    PRIMARY KEY (ticket_id, operator_id)
);
CREATE INDEX ticket_presence_seen ON ticket_presence(seen_at);

-- +goose Down
SELECT 'forward-only';
