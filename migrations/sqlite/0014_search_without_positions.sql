-- +goose Up
-- The search index keeps which tickets hold a word, no longer where in the
-- text (detail=none) nor each text's length (columnsize=0): searches
-- match words, never phrases, and rank by priority, not relevance, so
-- neither was read, and writing them took a fifth of the writer's time
-- under mail intake. Merging index segments sixteen at a time instead of
-- four rewrites each entry fewer times; a search reads a few more
-- segments. Rebuilding the index here takes minutes on a million tickets
-- (docs/operations.md).
CREATE VIRTUAL TABLE ticket_search_new USING fts5(subject, body,
    tokenize = 'unicode61 remove_diacritics 2', detail = none, columnsize = 0);
INSERT INTO ticket_search_new (rowid, subject, body) SELECT rowid, subject, body FROM ticket_search;
INSERT INTO ticket_search_new (ticket_search_new, rank) VALUES ('automerge', 16);
DROP TABLE ticket_search_vocab;
DROP TABLE ticket_search;
ALTER TABLE ticket_search_new RENAME TO ticket_search;
CREATE VIRTUAL TABLE ticket_search_vocab USING fts5vocab(ticket_search, 'row');

-- +goose Down
SELECT 'forward-only';
