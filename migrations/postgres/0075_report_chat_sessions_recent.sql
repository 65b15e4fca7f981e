-- +goose Up
-- The sessions history lists a period's chats newest first, by day and
-- chat, across teams: read backwards from the period's end along this
-- index, a page reads its rows and stops (the team index serves one team).
CREATE INDEX IF NOT EXISTS report_chat_sessions_recent ON report_chat_sessions(day, chat_id);

-- +goose Down
DROP INDEX report_chat_sessions_recent;
