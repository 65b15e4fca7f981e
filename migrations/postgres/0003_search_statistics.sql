-- +goose Up
-- The planner picks between the GIN index (few matches, then sort) and the
-- list's own index (many matches, stop at the page) from the element
-- statistics of the search vector. The default keeps about 1,000 words, so
-- every rarer word is guessed at 0.5% of tickets and rare searches walked
-- the whole list; 10,000 keeps the estimates close for real vocabularies.
ALTER TABLE tickets ALTER COLUMN search SET STATISTICS 10000;

-- +goose Down
SELECT 'forward-only';
