-- The ingest log: one row for each batch of documents a node was sent
-- and took, with what became of them, so that an operator can see on any
-- node (or in psql) what came in, from where, and what was refused and
-- why: SELECT * FROM ingest_log ORDER BY id DESC LIMIT 20.
CREATE TABLE ingest_log (
	id         bigserial PRIMARY KEY,
	at         timestamptz NOT NULL DEFAULT now(),
	-- The node that took it: its host name and listening address.
	node       text NOT NULL,
	-- What was sent, in words: "JSONL request", "report.pdf".
	what       text NOT NULL,
	indexed    integer NOT NULL,
	unchanged  integer NOT NULL,
	duplicates integer NOT NULL,
	-- The documents not indexed, each with why: [{"name": …, "reason": …}].
	skipped    jsonb NOT NULL DEFAULT '[]'
);
