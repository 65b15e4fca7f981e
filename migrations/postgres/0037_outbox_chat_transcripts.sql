-- +goose Up
-- A chat's transcript goes to the visitor through the outbox like every
-- mail to a customer, but it belongs to a chat, not to a ticket: a row
-- names one or the other.
ALTER TABLE mail_outbox ALTER COLUMN ticket_id DROP NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN chat_id BIGINT REFERENCES chats(id) ON DELETE CASCADE;
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check
    CHECK (kind IN ('reply', 'received', 'closed', 'transcript'));
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_owner_check
    CHECK ((ticket_id IS NOT NULL) <> (chat_id IS NOT NULL));
CREATE INDEX mail_outbox_chat ON mail_outbox(chat_id) WHERE chat_id IS NOT NULL;

-- +goose Down
SELECT 'forward-only';
