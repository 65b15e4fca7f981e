-- +goose Up
-- Custom ticket fields. A field's name is its key in the API and in
-- required-property lists, so it never changes once created; the label does.
CREATE TABLE custom_fields (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    label       TEXT NOT NULL,
    help        TEXT NOT NULL DEFAULT '',
    type        TEXT NOT NULL CHECK (type IN ('text', 'long_text', 'number', 'date', 'choice', 'multi_choice', 'checkbox')),
    -- JSON array of the choices, for the two choice types; '[]' otherwise.
    options     TEXT NOT NULL DEFAULT '[]',
    on_card     BOOLEAN NOT NULL DEFAULT FALSE,
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  DATETIME NOT NULL,
    updated_at  DATETIME NOT NULL
);
CREATE UNIQUE INDEX custom_fields_name ON custom_fields(name);

-- No row for a field: it applies to every pipeline.
CREATE TABLE custom_field_pipelines (
    field_id    INTEGER NOT NULL REFERENCES custom_fields(id) ON DELETE CASCADE,
    pipeline_id INTEGER NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,
    PRIMARY KEY (field_id, pipeline_id)
);
CREATE INDEX custom_field_pipelines_pipeline ON custom_field_pipelines(pipeline_id);

-- A ticket's value of a field, in canonical text: a number as its decimal,
-- a date as YYYY-MM-DD, a checkbox as 'true' (unticked has no row), and a
-- multiple choice as one row per chosen option. No row means no value, so
-- "has a value" for required properties is a row's existence.
CREATE TABLE ticket_values (
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    field_id    INTEGER NOT NULL REFERENCES custom_fields(id) ON DELETE CASCADE,
    value       TEXT NOT NULL,
    PRIMARY KEY (ticket_id, field_id, value)
);
CREATE INDEX ticket_values_field ON ticket_values(field_id, value);

-- Properties a ticket must have a value for to enter a status: a custom
-- field's name, or one of assignee, priority, tags, team.
CREATE TABLE status_required (
    status_id   INTEGER NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
    property    TEXT NOT NULL,
    PRIMARY KEY (status_id, property)
);

-- +goose Down
SELECT 'forward-only';
