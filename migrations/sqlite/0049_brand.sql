-- +goose Up
-- The install's brand: the name, colour and logo customers see on the
-- public ticket page, the website form, the widget and in mails. One row
-- (id 1), absent until an admin saves Settings → Brand. The logo is a
-- small image (at most 1 MB, checked by the upload policy) kept in the row
-- itself: it is served on every public page and must outlive blob sweeps.
CREATE TABLE brand (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    name       TEXT NOT NULL DEFAULT '',
    color      TEXT NOT NULL DEFAULT '',
    logo       BLOB,
    logo_type  TEXT NOT NULL DEFAULT '',
    updated_at DATETIME NOT NULL
);

-- +goose Down
SELECT 'forward-only';
