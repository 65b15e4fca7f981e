-- +goose Up
-- Operator sign-in sessions of the agent app. The cookie holds a random
-- 256-bit id; only its SHA-256 is stored, so a leaked table signs no one in.
CREATE TABLE sessions (
    id_hash      BYTEA PRIMARY KEY,
    operator_id  BIGINT NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_operator ON sessions(operator_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

-- +goose Down
SELECT 'forward-only';
