-- +goose Up
-- Long texts (mail bodies, raw mails) are compressed with lz4 instead of
-- the default pglz: several times faster to write, for about the same
-- space. A server built without lz4 keeps pglz.
-- +goose StatementBegin
DO $$
BEGIN
    EXECUTE 'ALTER TABLE tickets ALTER COLUMN description SET COMPRESSION lz4';
    EXECUTE 'ALTER TABLE messages ALTER COLUMN body_text SET COMPRESSION lz4';
    EXECUTE 'ALTER TABLE messages ALTER COLUMN body_html SET COMPRESSION lz4';
    EXECUTE 'ALTER TABLE raw_mail_contents ALTER COLUMN content SET COMPRESSION lz4';
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'lz4 compression not available, keeping pglz: %', SQLERRM;
END $$;
-- +goose StatementEnd

-- +goose Down
SELECT 'forward-only';
