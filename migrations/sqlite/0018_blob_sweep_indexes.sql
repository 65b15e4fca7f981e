-- +goose Up
-- The blob sweep asks, for each stored file, whether an attachment or a
-- raw mail still names it; the raw-mail pruning finds old mails by when
-- they arrived. Without these both would read whole tables every hour.
CREATE INDEX attachments_sha256 ON attachments(sha256);
CREATE INDEX raw_mails_sha256 ON raw_mails(sha256);
CREATE INDEX raw_mails_received ON raw_mails(received_at);

-- +goose Down
SELECT 'forward-only';
