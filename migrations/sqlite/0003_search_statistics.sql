-- +goose Up
-- PostgreSQL raises the statistics of its search vector here; SQLite's FTS5
-- search needs no such step (see internal/ticket/scan.go).
SELECT 1;

-- +goose Down
SELECT 'forward-only';
