-- +goose Up
-- Merging contacts relinks their messages; without this index that is a
-- scan of every message.
CREATE INDEX messages_author_contact ON messages(author_contact_id) WHERE author_contact_id IS NOT NULL;

-- +goose Down
SELECT 'forward-only';
