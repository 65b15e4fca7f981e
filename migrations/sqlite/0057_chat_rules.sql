-- +goose Up
-- Channel rules and chatbot scripts (docs/chat.md, "Rules" and
-- "Chatbots"). A script's steps are one JSON document: they are always
-- read, checked and written whole, and nothing queries inside them.
CREATE TABLE chatbots (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    steps      TEXT NOT NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);

-- A channel's rules in their order (position); countries are upper-case
-- ISO codes, comma separated ('' = every visitor). A script in use by a
-- rule cannot be deleted (no cascade), so a rule never loses its bot.
CREATE TABLE chat_rules (
    id                  INTEGER PRIMARY KEY,
    channel_id          INTEGER NOT NULL REFERENCES chat_channels(id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    action              TEXT NOT NULL CHECK (action IN ('show', 'notify', 'auto_open', 'hide')),
    delay_s             INTEGER NOT NULL DEFAULT 0,
    url                 TEXT NOT NULL DEFAULT '',
    countries           TEXT NOT NULL DEFAULT '',
    chatbot_id          INTEGER REFERENCES chatbots(id),
    only_if_no_operator BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE UNIQUE INDEX chat_rules_order ON chat_rules(channel_id, position);
CREATE INDEX chat_rules_chatbot ON chat_rules(chatbot_id);
