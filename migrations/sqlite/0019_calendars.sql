-- +goose Up
-- Business-hours calendars. The weekly hours and the dated exceptions are
-- JSON text: they are always read and written whole, checked by
-- calendar.New, and never searched inside; a holiday import adds hundreds
-- of exceptions, which as rows would need two more tables for no query.
CREATE TABLE calendars (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    hours       TEXT NOT NULL,
    exceptions  TEXT NOT NULL,
    created_at  DATETIME NOT NULL,
    updated_at  DATETIME NOT NULL
);

CREATE UNIQUE INDEX calendars_name ON calendars(lower(name));

-- No calendar: the team's targets count round the clock.
ALTER TABLE teams ADD COLUMN calendar_id INTEGER REFERENCES calendars(id);
CREATE INDEX teams_calendar ON teams(calendar_id);

-- +goose Down
SELECT 'forward-only';
