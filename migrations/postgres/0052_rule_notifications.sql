-- +goose Up
-- Automation rules notify operators (their notify action, and the loop
-- guard telling admins it stopped a rule): a third kind of notification.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('mention', 'assigned', 'automation'));

-- +goose Down
SELECT 'forward-only';
