-- +goose Up
-- Search finds customers by their mail domain ("acme.com"): the domain is
-- the end of the address, which no prefix index reaches, so it gets an
-- index of its own. The query must use this very expression.
CREATE INDEX contact_emails_domain ON contact_emails(split_part(email, '@', 2));

-- +goose Down
SELECT 'forward-only';
