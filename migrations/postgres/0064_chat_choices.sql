-- +goose Up
-- The answers a chatbot's question offers, kept with the bot's message
-- (JSON: [{"label": "Sales", "link": ""}], '' for none), so a chat window
-- shows them as buttons and the body stays the question alone.
ALTER TABLE chat_messages ADD COLUMN choices TEXT NOT NULL DEFAULT '';

-- +goose Down
SELECT 'forward-only';
