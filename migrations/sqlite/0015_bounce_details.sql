-- +goose Up
-- When and why an address was marked as bouncing (the delivery report's
-- status and diagnostic), so operators can see it and judge whether to
-- clear the mark.
ALTER TABLE contact_emails ADD COLUMN bounced_at DATETIME;
ALTER TABLE contact_emails ADD COLUMN bounce_reason TEXT NOT NULL DEFAULT '';

-- +goose Down
SELECT 'forward-only';
