-- +goose Up
-- Notification mail per operator (docs/agent-app.md): every time, a daily
-- digest, or never. A notice waiting for its operator's digest is marked
-- mail_due; the digest job clears the mark when it mails (or drops) it,
-- and digest_sent_at spaces an operator's digests a day apart. A digest
-- is an outbox row of its own kind that belongs to no single ticket.
ALTER TABLE operators ADD COLUMN notify_mail TEXT NOT NULL DEFAULT 'every'
    CHECK (notify_mail IN ('every', 'digest', 'never'));
ALTER TABLE operators ADD COLUMN digest_sent_at TIMESTAMPTZ;
ALTER TABLE notifications ADD COLUMN mail_due BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX notifications_mail_due ON notifications(operator_id) WHERE mail_due;

ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check
    CHECK (kind IN ('reply', 'received', 'closed', 'transcript', 'mention', 'assigned', 'digest'));
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_owner_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_owner_check
    CHECK (kind = 'digest' OR (ticket_id IS NOT NULL) <> (chat_id IS NOT NULL));

-- +goose Down
SELECT 'forward-only';
