-- +goose Up
-- Operator sign-in sessions of the agent app. The cookie holds a random
-- 256-bit id; only its SHA-256 is stored, so a leaked table signs no one in.
CREATE TABLE sessions (
    id_hash      BLOB PRIMARY KEY,
    operator_id  INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    created_at   DATETIME NOT NULL,
    expires_at   DATETIME NOT NULL,
    last_seen_at DATETIME NOT NULL
);
CREATE INDEX sessions_operator ON sessions(operator_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

-- +goose Down
SELECT 'forward-only';
