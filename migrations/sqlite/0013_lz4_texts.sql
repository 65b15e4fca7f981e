-- +goose Up
-- PostgreSQL compresses long texts with lz4 from here on; SQLite stores
-- them as they are. This keeps the two schema versions in step.
SELECT 1;

-- +goose Down
SELECT 'forward-only';
