-- +goose Up
-- A team's website form: its fields in order. A team without rows here
-- gets the default form (name, email, subject, description) until an
-- admin saves one. Whether the form is published is teams.form_enabled,
-- the web-form channel switch: one switch, not two that disagree.
CREATE TABLE form_fields (
    id            INTEGER PRIMARY KEY,
    team_id       INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL,
    target        TEXT NOT NULL,
    input_type    TEXT NOT NULL,
    label         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    placeholder   TEXT NOT NULL DEFAULT '',
    default_value TEXT NOT NULL DEFAULT '',
    required      BOOLEAN NOT NULL DEFAULT FALSE,
    options       TEXT NOT NULL DEFAULT '',
    show_if       TEXT NOT NULL DEFAULT '',
    UNIQUE (team_id, position),
    UNIQUE (team_id, name)
);

-- The widget's settings. The secret signs visitor identities; it is made
-- on first use (from crypto/rand, not from SQL) and can be rotated.
-- Origins are one per line.
ALTER TABLE teams ADD COLUMN widget_secret TEXT NOT NULL DEFAULT '';
ALTER TABLE teams ADD COLUMN widget_origins TEXT NOT NULL DEFAULT '';
ALTER TABLE teams ADD COLUMN widget_require_verified BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE teams ADD COLUMN widget_color TEXT NOT NULL DEFAULT '#2563eb';

-- +goose Down
SELECT 'forward-only';
