-- A year of ended chats for the 1M benchmark database (SQLite), for the
-- chat reports at scale (docs/benchmarks.md): one chat channel per team
-- of the first four, 500 chats a day for the 365 days ending on the
-- record's last day, one in ten missed, the rest answered by one of the
-- twenty operators, with 2 to 10 messages, ratings, comments, countries
-- and a ticket for one in eight. Deterministic (every value derives from
-- the chat's number). Then: frontdesk reports rebuild --chats --db DB
--   sqlite3 DB < scripts/bench/seed-chats.sql
BEGIN;
INSERT INTO chat_channels (id, team_id, name, slug, created_at, updated_at)
SELECT id, id, 'Chat ' || name, 'bench-chat-' || id, '2025-01-01 00:00:00+00:00', '2025-01-01 00:00:00+00:00'
FROM teams WHERE id <= 4;

CREATE TEMP TABLE seed AS
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 182499),
last(d) AS (SELECT MAX(day) FROM report_days)
SELECT i, 1 + i % 4 AS channel, i % 10 = 0 AS missed,
    unixepoch((SELECT d FROM last), '-364 days') + (i / 500) * 86400 + (i * 7919) % 86400 AS start,
    5 + (i * 31) % 240 AS wait, 120 + (i * 97) % 1800 AS duration, 2 + i % 9 AS msgs
FROM n;

INSERT INTO chats (id, channel_id, token_hash, state, visitor_key, visitor_name, visitor_email, operator_id,
    country, last_seq, rating, rating_comment, ticket_id, created_at, queued_at, assigned_at, answered_at, ended_at)
SELECT i + 1, channel, 'bench-chat-' || i, CASE WHEN missed THEN 'missed' ELSE 'ended' END, 'v' || (i % 50000),
    'Visitor ' || (i % 50000), 'visitor' || (i % 50000) || '@bench.example',
    CASE WHEN missed THEN NULL ELSE 1 + (i * 13) % 20 END,
    CASE i % 6 WHEN 0 THEN 'DE' WHEN 1 THEN 'US' WHEN 2 THEN 'FR' WHEN 3 THEN 'GB' WHEN 4 THEN 'IN' ELSE '' END,
    CASE WHEN missed THEN 1 ELSE msgs END,
    CASE WHEN missed THEN NULL ELSE CASE i % 5 WHEN 0 THEN 'satisfied' WHEN 1 THEN 'satisfied' WHEN 2 THEN 'okay'
        WHEN 3 THEN 'dissatisfied' END END,
    CASE WHEN NOT missed AND i % 15 = 3 THEN 'It took a while to get an answer.' ELSE '' END,
    CASE WHEN i % 8 = 1 THEN 1 + (i * 37) % 1000000 END,
    datetime(start, 'unixepoch') || '+00:00', datetime(start, 'unixepoch') || '+00:00',
    CASE WHEN missed THEN NULL ELSE datetime(start + wait - 2, 'unixepoch') || '+00:00' END,
    CASE WHEN missed THEN NULL ELSE datetime(start + wait, 'unixepoch') || '+00:00' END,
    datetime(start + CASE WHEN missed THEN 60 ELSE duration END, 'unixepoch') || '+00:00'
FROM seed;

WITH RECURSIVE m(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM m WHERE k < 10)
INSERT INTO chat_messages (chat_id, seq, author, operator_id, body, created_at)
SELECT s.i + 1, m.k, CASE WHEN m.k % 2 = 1 THEN 'visitor' ELSE 'operator' END,
    CASE WHEN m.k % 2 = 0 THEN 1 + (s.i * 13) % 20 END,
    CASE WHEN m.k % 2 = 1 THEN 'Hello, I have a question about my order.' ELSE 'Happy to help: let me look.' END,
    datetime(s.start + m.k * 20, 'unixepoch') || '+00:00'
FROM seed s JOIN m ON m.k <= CASE WHEN s.missed THEN 1 ELSE s.msgs END;

DROP TABLE seed;
COMMIT;
