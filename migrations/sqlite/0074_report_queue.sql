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

-- +goose Down
SELECT 'forward-only';
