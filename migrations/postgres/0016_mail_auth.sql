-- +goose Up
-- What DKIM, SPF and DMARC said about the mail behind a message, shown to
-- operators beside it. Results as in Authentication-Results: pass, fail,
-- none, temperror, permerror (SPF also neutral, softfail).
CREATE TABLE message_auth (
    message_id BIGINT PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    dkim       TEXT NOT NULL,
    spf        TEXT NOT NULL,
    dmarc      TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT ''
);
-- SPF needs the client's address and HELO name from the SMTP conversation.
ALTER TABLE raw_mails ADD COLUMN client_ip TEXT NOT NULL DEFAULT '';
ALTER TABLE raw_mails ADD COLUMN helo TEXT NOT NULL DEFAULT '';

-- +goose Down
SELECT 'forward-only';
