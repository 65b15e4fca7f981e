-- +goose Up
-- Automation rules notify operators (their notify action, and the loop
-- guard telling admins it stopped a rule): a third kind of notification.
-- SQLite changes a CHECK only by rebuilding the table.
CREATE TABLE notifications_new (
    id          INTEGER PRIMARY KEY,
    operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    message_id  INTEGER REFERENCES messages(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('mention', 'assigned', 'automation')),
    actor_id    INTEGER REFERENCES operators(id) ON DELETE SET NULL,
    created_at  DATETIME NOT NULL,
    read_at     DATETIME
);
INSERT INTO notifications_new SELECT id, operator_id, ticket_id, message_id, kind, actor_id, created_at, read_at
    FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_operator ON notifications(operator_id, id);
CREATE INDEX notifications_unread ON notifications(operator_id) WHERE read_at IS NULL;

-- +goose Down
SELECT 'forward-only';
