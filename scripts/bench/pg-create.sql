-- The statements one API ticket creation runs on PostgreSQL (new customer),
-- for measuring the database's own ceiling on a machine, without HTTP or Go:
--   pgbench -h HOST -p PORT -U postgres -n -M prepared -f scripts/bench/pg-create.sql -c 8 -j 2 -T 15 bench
-- Run it against the benchmark database of `frontdesk bench`, then remove what
-- it added: DELETE FROM tickets WHERE id > 1000000; DELETE FROM contacts WHERE id > 200000;
-- The team and its first open status are remembered by the server, and the
-- answer is built from what was written, so neither is read here.
\set r random(1, 1000000000)
BEGIN;
SELECT contact_id FROM contact_emails WHERE email = 'pgb-' || :r || '@x.example';
INSERT INTO contacts (first_name, last_name, phone, external_id, created_at, updated_at) VALUES ('Bench', '', '', NULL, now(), now()) RETURNING id \gset
INSERT INTO contact_emails (email, contact_id, position, created_at) VALUES ('pgb-' || :r || '@x.example', :id, 0, now());
INSERT INTO tickets (number, subject, description, team_id, pipeline_id, status_id, is_open, priority, assignee_id, contact_id, channel, public_token, created_at, updated_at, last_activity_at, last_customer_activity_at, search) VALUES (nextval('ticket_number_seq'), 'Cannot login to my account after reset', 'hello there I tried to reset the password and the link says expired please help me with the account login thanks a lot', 1, 1, 1, TRUE, 1, NULL, :id, 'api', md5(random()::text), now(), now(), now(), now(), '''account'' ''after'' ''cannot'' ''expired'' ''hello'' ''help'' ''link'' ''login'' ''lot'' ''password'' ''please'' ''reset'' ''says'' ''thanks'' ''there'' ''the'' ''tried'' ''to'' ''with''') RETURNING id AS tid, number \gset
INSERT INTO ticket_events (ticket_id, kind, actor_operator_id, data, created_at) VALUES (:tid, 'created', NULL, '{"channel":"api"}', now());
INSERT INTO messages (ticket_id, kind, author_contact_id, body_text, body_html, created_at) VALUES (:tid, 'customer', :id, 'hello there I tried to reset the password and the link says expired please help me with the account login thanks a lot', '', now());
COMMIT;
