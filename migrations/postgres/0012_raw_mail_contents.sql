-- +goose Up
-- The bytes of a raw mail up to 1 MB, kept in the database instead of a
-- file: they commit with the raw_mails row, so taking in a mail creates no
-- file (larger mails still go to the blob store, named by
-- raw_mails.sha256). Mails taken in before this stay files.
CREATE TABLE raw_mail_contents (
    raw_mail_id BIGINT PRIMARY KEY REFERENCES raw_mails(id) ON DELETE CASCADE,
    content     BYTEA NOT NULL
);

-- +goose Down
SELECT 'forward-only';
