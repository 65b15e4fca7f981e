-- +goose Up
-- PostgreSQL gets the rate_limits table here, shared by its nodes; one
-- SQLite process counts in memory. This keeps the schema versions in step.
SELECT 1;

-- +goose Down
SELECT 'forward-only';
