-- +goose Up
-- Chat sessions and missed chats per visitor country ('' unknown: no
-- GeoIP database, or an address it does not know), a roll-up of
-- report_chat_sessions under its key (day, team, operator), written with
-- the session when the chat ends. Sessions recorded before it are
-- counted here once.
CREATE TABLE report_chat_country_days (
    day         TEXT NOT NULL,
    team_id     BIGINT NOT NULL,
    operator_id BIGINT NOT NULL,
    country     TEXT NOT NULL,
    sessions    INTEGER NOT NULL DEFAULT 0,
    missed      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team_id, operator_id, country)
);
CREATE INDEX report_chat_country_days_team ON report_chat_country_days(team_id, day);

INSERT INTO report_chat_country_days (day, team_id, operator_id, country, sessions, missed)
SELECT day, team_id, operator_id, country, COUNT(*), SUM(CASE WHEN answered THEN 0 ELSE 1 END)
FROM report_chat_sessions GROUP BY day, team_id, operator_id, country;

-- +goose Down
SELECT 'forward-only';
