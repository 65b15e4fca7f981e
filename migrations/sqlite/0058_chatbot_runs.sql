-- +goose Up
-- A chatbot's run inside a chat (docs/chat.md, "Chatbots"). bot_run is
-- the script as it was when the chat started, the step waiting for the
-- visitor and the answers so far (JSON, read and written whole with the
-- chat's row lock). bot_state: '' no bot, 'running', 'done'. handed_at:
-- when the bot handed the chat to routing, from which "missed" counts.
-- A bot's message is an operator message with no operator and bot = TRUE.
ALTER TABLE chats ADD COLUMN bot_state TEXT NOT NULL DEFAULT '';
ALTER TABLE chats ADD COLUMN bot_name TEXT NOT NULL DEFAULT '';
ALTER TABLE chats ADD COLUMN bot_run TEXT NOT NULL DEFAULT '';
ALTER TABLE chats ADD COLUMN handed_at DATETIME;
ALTER TABLE chat_messages ADD COLUMN bot BOOLEAN NOT NULL DEFAULT FALSE;
