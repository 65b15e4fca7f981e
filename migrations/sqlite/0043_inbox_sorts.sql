-- +goose Up
-- The inbox's orders besides priority then activity: the longest waiting
-- customer first, the latest customer message first (both read
-- last_customer_activity_at in either direction), and the Closed view by
-- closing time. Each walks an index in its order, so a page is a range scan.
-- Every ticket gets the times these orders need: tickets take the customer
-- activity time when made and a closing time when closed, but rows loaded
-- by hand may lack them.
UPDATE tickets SET last_customer_activity_at = created_at WHERE last_customer_activity_at IS NULL;
UPDATE tickets SET closed_at = updated_at WHERE is_open = FALSE AND closed_at IS NULL;
CREATE INDEX tickets_customer_wait ON tickets(is_open, last_customer_activity_at, id);
CREATE INDEX tickets_closed_at ON tickets(is_open, closed_at, id);

-- +goose Down
SELECT 'forward-only';
