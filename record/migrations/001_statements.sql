-- The statements: the shared record every search node's index follows.
-- seq orders every change (a write or a deletion); a row keeps the seq of
-- its last change, so a follower that has applied up to N reads the rows
-- with seq > N, in seq order, and misses nothing (Store.Put explains why
-- no lower seq can commit after a higher one).
CREATE SEQUENCE statement_seq;

CREATE TABLE statements (
	id        text PRIMARY KEY,
	seq       bigint NOT NULL UNIQUE,
	-- Origin and AlsoFrom: where the statement was read, first origin first.
	origin    text NOT NULL,
	also_from text[] NOT NULL DEFAULT '{}',
	-- The content hash (indexer.ContentHash): unchanged content is not
	-- written again, and a deleted statement's content stays deleted.
	hash      text NOT NULL,
	-- Everything else index.Statement holds, quotes and names included,
	-- as the indexer extracted it: a node rebuilds without re-reading files.
	fields    jsonb NOT NULL,
	deleted   boolean NOT NULL DEFAULT false,
	changed   timestamptz NOT NULL DEFAULT now()
);
