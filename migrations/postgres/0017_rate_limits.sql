-- +goose Up
-- Rate limits every node shares: one token bucket per (limiter, key),
-- spent and refilled by a single upsert, so two nodes cannot both take
-- the last attempt. Buckets full again are swept. UNLOGGED: a count needs
-- no crash safety, and its commits then wait for no disk, which matters
-- when every mail's MAIL FROM spends from one forwarding server's bucket.
CREATE UNLOGGED TABLE rate_limits (
    name   TEXT NOT NULL,
    key    TEXT NOT NULL,
    tokens DOUBLE PRECISION NOT NULL,
    at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (name, key)
);
CREATE INDEX rate_limits_at ON rate_limits (name, at);

-- +goose Down
DROP TABLE rate_limits;
