-- +goose Up
-- The live chat part of the report record (docs/reports.md). One row per
-- chat session, written in the transaction that ends the chat with what
-- it was then (its team, the operator who held it, the wait for the
-- first operator answer, the duration and the message count), and
-- completed by the later facts a chat can have: its rating and the ticket
-- it became. A report reads these rows and their daily roll-up, never
-- the chat tables. day is the local start date in the team's zone.
CREATE TABLE report_chat_sessions (
    chat_id     INTEGER PRIMARY KEY,
    day         TEXT NOT NULL,
    team_id     INTEGER NOT NULL,
    operator_id INTEGER NOT NULL DEFAULT 0,
    started_at  DATETIME NOT NULL,
    visitor     TEXT NOT NULL DEFAULT '',
    country     TEXT NOT NULL DEFAULT '',
    answered    BOOLEAN NOT NULL,
    wait_s      INTEGER,
    duration_s  INTEGER NOT NULL,
    messages    INTEGER NOT NULL,
    rating      TEXT NOT NULL DEFAULT '',
    comment     TEXT NOT NULL DEFAULT '',
    ticket_id   INTEGER
);
CREATE INDEX report_chat_sessions_day ON report_chat_sessions(team_id, day, chat_id);

-- Daily roll-up per (day, team, operator); operator 0 is none (a missed
-- chat). offline counts offline messages, which have no session.
CREATE TABLE report_chat_days (
    day          TEXT NOT NULL,
    team_id      INTEGER NOT NULL,
    operator_id  INTEGER NOT NULL,
    sessions     INTEGER NOT NULL DEFAULT 0,
    answered     INTEGER NOT NULL DEFAULT 0,
    missed       INTEGER NOT NULL DEFAULT 0,
    tickets      INTEGER NOT NULL DEFAULT 0,
    offline      INTEGER NOT NULL DEFAULT 0,
    messages     INTEGER NOT NULL DEFAULT 0,
    duration_s   INTEGER NOT NULL DEFAULT 0,
    rated        INTEGER NOT NULL DEFAULT 0,
    satisfied    INTEGER NOT NULL DEFAULT 0,
    okay         INTEGER NOT NULL DEFAULT 0,
    dissatisfied INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team_id, operator_id)
);
CREATE INDEX report_chat_days_team ON report_chat_days(team_id, day);

-- +goose Down
SELECT 'forward-only';
