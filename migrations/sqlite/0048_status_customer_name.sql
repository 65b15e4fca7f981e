-- +goose Up
-- The name customers see for a status on the public page and in the
-- widget ("Received" for an internal "Lead"); empty: the status's name.
ALTER TABLE statuses ADD COLUMN customer_name TEXT NOT NULL DEFAULT '';

-- +goose Down
SELECT 'forward-only';
