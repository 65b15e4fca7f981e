-- +goose Up
-- Rows that name a ticket get an index on it, so deleting a ticket finds
-- them by key: without one, each deleted ticket's foreign key check read
-- every chat (a cleanup of 20,000 tickets beside 182,500 chats ran over
-- ten minutes, docs/benchmarks.md), and every raw mail and notification.
CREATE INDEX IF NOT EXISTS chats_ticket ON chats(ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS raw_mails_ticket ON raw_mails(ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS notifications_ticket ON notifications(ticket_id);

-- +goose Down
DROP INDEX chats_ticket;
DROP INDEX raw_mails_ticket;
DROP INDEX notifications_ticket;
