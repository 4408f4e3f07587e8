-- Alerts shared by every node (serve --store): the saved searches, the
-- log of their matches, the webhook outbox, and the percolation jobs that
-- match each ingested batch against the alerts once, on whichever node
-- claims it. Package alerts (Shared) reads and writes these tables;
-- package record writes a job with each batch of statements it puts.

-- epoch is in every delivery ID, so that a receiver that outlives a
-- database does not take a new database's deliveries for ones it has seen.
CREATE TABLE alert_epoch (epoch text NOT NULL);
INSERT INTO alert_epoch SELECT to_hex(floor(extract(epoch FROM now()))::bigint);

CREATE TABLE alerts (
	-- A counter that never goes back: a deleted alert's ID is not reused.
	id             bigserial PRIMARY KEY,
	name           text NOT NULL,
	query          text NOT NULL DEFAULT '',
	organizations  text[] NOT NULL DEFAULT '{}',
	people         text[] NOT NULL DEFAULT '{}',
	places         text[] NOT NULL DEFAULT '{}',
	sources        text[] NOT NULL DEFAULT '{}',
	from_day       timestamptz,
	webhook_url    text NOT NULL DEFAULT '',
	webhook_secret text NOT NULL DEFAULT '',
	created        timestamptz NOT NULL,
	-- The cursor of the alert's last match. A transaction that records
	-- matches holds the alert's row until it commits, so cursors commit in
	-- order and a poller never skips one that committed late.
	last_cursor    bigint NOT NULL DEFAULT 0
);

CREATE TABLE alert_matches (
	alert_id     bigint NOT NULL REFERENCES alerts ON DELETE CASCADE,
	cursor       bigint NOT NULL,
	statement_id text NOT NULL,
	-- The match as the API writes it (alerts.Match).
	match        jsonb NOT NULL,
	deleted      boolean NOT NULL DEFAULT false,
	PRIMARY KEY (alert_id, cursor)
);
-- A statement matches an alert once while it is in the index.
CREATE UNIQUE INDEX alert_matches_seen ON alert_matches (alert_id, statement_id) WHERE NOT deleted;
CREATE INDEX alert_matches_statement ON alert_matches (statement_id) WHERE NOT deleted;

CREATE TABLE webhook_deliveries (
	id            bigserial PRIMARY KEY,
	-- X-Advosearch-Delivery: the epoch and id.
	delivery_id   text NOT NULL,
	alert_id      bigint NOT NULL REFERENCES alerts ON DELETE CASCADE,
	url           text NOT NULL,
	body          bytea NOT NULL,
	matches       integer NOT NULL,
	secret        text NOT NULL DEFAULT '',
	created       timestamptz NOT NULL,
	attempts      integer NOT NULL DEFAULT 0,
	next_attempt  timestamptz NOT NULL,
	last_error    text NOT NULL DEFAULT '',
	dead          boolean NOT NULL DEFAULT false,
	-- A node sending the delivery holds it until then; a node that died
	-- while sending lets it go when that passes.
	claimed_until timestamptz
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt) WHERE NOT dead;

CREATE TABLE percolation_jobs (
	id     bigserial PRIMARY KEY,
	-- The statements the batch put; a job reads them as they are when it
	-- runs, and passes over those deleted since.
	ids    text[] NOT NULL,
	queued timestamptz NOT NULL DEFAULT now(),
	-- Failed runs: a job that keeps failing is passed over after a few,
	-- so that it does not hold up the jobs behind it.
	failures integer NOT NULL DEFAULT 0
);
