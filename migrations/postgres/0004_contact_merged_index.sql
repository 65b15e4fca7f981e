-- +goose Up
-- Deleting a contact checks that no other contact was merged into it;
-- without this index each check reads every contact.
CREATE INDEX contacts_merged_into ON contacts(merged_into) WHERE merged_into IS NOT NULL;

-- +goose Down
SELECT 'forward-only';
