-- +goose Up
-- SQLite rebuilds its search index without word positions here;
-- PostgreSQL's tsvector is unchanged. This keeps the schema versions in
-- step.
SELECT 1;

-- +goose Down
SELECT 'forward-only';
