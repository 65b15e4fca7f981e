-- +goose Up
-- The roll-up increments of facts recorded and not yet rolled up
-- (docs/reports.md, "The queue and the roller"): a ticket or chat change
-- appends one row (its increments as JSON) in its own transaction, and
-- the roller sums a batch of rows, writes each roll-up row once and
-- deletes the rows it rolled, in one transaction. The id only orders the
-- batches; nothing reads it as a cursor.
CREATE TABLE report_queue (
    id   INTEGER PRIMARY KEY,
    body TEXT NOT NULL
);

-- A queued row the roller cannot read (only a bug writes one) moves here
-- with its error, so the other facts roll on and nothing is lost.
CREATE TABLE report_queue_failed (
    id        INTEGER PRIMARY KEY,
    body      TEXT NOT NULL,
    error     TEXT NOT NULL,
    failed_at DATETIME NOT NULL
);

-- +goose Down
SELECT 'forward-only';
