-- +goose Up
-- "Forgot password" links. Only the SHA-256 of a link's token is kept, as
-- for API tokens: the token is 256 random bits, so a fast hash is enough
-- and a stolen table opens nothing. A link works once (used_at) and only
-- until expires_at; a new password voids the operator's other links.
CREATE TABLE password_resets (
    id          INTEGER PRIMARY KEY,
    operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  DATETIME NOT NULL,
    expires_at  DATETIME NOT NULL,
    used_at     DATETIME
);
CREATE INDEX password_resets_operator ON password_resets(operator_id, created_at);

-- +goose Down
SELECT 'forward-only';
