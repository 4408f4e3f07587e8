package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Stored is what the index holds under a statement's ID.
type Stored struct {
	// Hash is the statement's content hash; for a deleted statement, the
	// hash of the content that was deleted.
	Hash string
	// Deleted means the statement was deleted (Delete) and only its
	// deletion record is left.
	Deleted bool
}

// Lookup returns what the index holds under each of ids: a statement or the
// record of a deleted one. IDs the index has never held, or holds no more
// (removed by Write), are not in the map; neither are quote IDs.
func (ix *Index) Lookup(ctx context.Context, ids []string) (map[string]Stored, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	// The IDs are looked up as terms of the _id field, which Bleve reads
	// in this goroutine; a DocIDQuery reads each segment in a goroutine of
	// its own, where meeting the segment a failed batch closed (see heal)
	// crashes the process instead of failing this lookup.
	req := bleve.NewSearchRequestOptions(anyTerm("_id", ids), len(ids), 0, false)
	req.Fields = []string{FieldKind, FieldHash}
	res, err := ix.Search(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: look up %d IDs: %w", len(ids), err)
	}
	found := make(map[string]Stored, len(res.Hits))
	for _, h := range res.Hits {
		hash, _ := h.Fields[FieldHash].(string)
		switch h.Fields[FieldKind] {
		case KindStatement:
			found[h.ID] = Stored{Hash: hash}
		case KindDeleted:
			found[h.ID] = Stored{Hash: hash, Deleted: true}
		}
	}
	return found, nil
}

// anyTerm matches the documents that hold any of values, whole, in field.
func anyTerm(field string, values []string) query.Query {
	terms := make([]query.Query, len(values))
	for i, v := range values {
		tq := bleve.NewTermQuery(v)
		tq.SetField(field)
		terms[i] = tq
	}
	return bleve.NewDisjunctionQuery(terms...)
}

// SameContent is a statement found by the hash of its content.
type SameContent struct {
	ID string
	// Origins are the statement's Origin and then its AlsoFrom.
	Origins []string
}

// ByHash returns the statements (not deleted ones) whose content hash is
// one of hashes, by hash: the same bytes read from another origin are the
// same statement. One hash names one statement; should two hold it, as in
// an index built before duplicates were merged, the first by ID is taken.
func (ix *Index) ByHash(ctx context.Context, hashes []string) (map[string]SameContent, error) {
	if len(hashes) == 0 {
		return nil, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(KindQuery(KindStatement), anyTerm(FieldHash, hashes)), 2*len(hashes), 0, false)
	req.Fields = []string{FieldHash, FieldOrigin}
	req.SortBy([]string{"_id"})
	res, err := ix.Search(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: look up %d hashes: %w", len(hashes), err)
	}
	found := make(map[string]SameContent, len(res.Hits))
	for _, h := range res.Hits {
		hash, _ := h.Fields[FieldHash].(string)
		if _, ok := found[hash]; !ok {
			found[hash] = SameContent{ID: h.ID, Origins: strs(h.Fields[FieldOrigin])}
		}
	}
	return found, nil
}

// Delete deletes the statements with the IDs, with their quotes, in one
// batch, and leaves under each ID a deletion record holding the deleted
// content's hash (Lookup reports it): the indexer then passes over the same
// content read again, and indexes changed content, which replaces the
// record. It returns the IDs that were statements, in the order given; an
// ID that is not a statement (unknown, already deleted, a quote's) is
// passed over. Callers serialise it with writes of the same IDs, as the
// indexer does: a statement written between the lookup and the batch would
// be deleted with the hash of the version before it.
func (ix *Index) Delete(ctx context.Context, ids []string) ([]string, error) {
	found, err := ix.Lookup(ctx, ids)
	if err != nil {
		return nil, err
	}
	records := make(map[string]string, len(found))
	var deleted []string
	for _, id := range ids {
		st, ok := found[id]
		if _, twice := records[id]; !ok || st.Deleted || twice {
			continue
		}
		records[id] = st.Hash
		deleted = append(deleted, id)
	}
	if len(deleted) == 0 {
		return nil, nil
	}
	if err := ix.write(nil, nil, records); err != nil {
		return nil, err
	}
	return deleted, nil
}

// Deletions returns the deletion records of the index, each statement ID
// with the hash of its deleted content, for a rebuild to carry over.
func (ix *Index) Deletions(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	err := ix.each(ctx, KindQuery(KindDeleted), FieldHash, func(id string, hash []string) {
		if len(hash) > 0 {
			out[id] = hash[0]
		}
	})
	if err != nil {
		return nil, fmt.Errorf("index: read deletions: %w", err)
	}
	return out, nil
}

// WriteDeletions writes deletion records, each statement ID with the hash
// of its deleted content, in one batch; a statement under one of the IDs is
// deleted. A rebuild writes those of the index it replaces into the new one
// before anything else, so deleted statements stay deleted.
func (ix *Index) WriteDeletions(records map[string]string) error {
	if len(records) == 0 {
		return nil
	}
	return ix.write(nil, nil, records)
}

// CountDeleted returns the number of deletion records: with Count, whether
// the index has ever held a statement.
func (ix *Index) CountDeleted() (uint64, error) {
	req := bleve.NewSearchRequestOptions(KindQuery(KindDeleted), 0, 0, false)
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		return 0, fmt.Errorf("index: count deletions: %w", err)
	}
	return res.Total, nil
}

// Origins returns the origins of each statement one of whose origins starts
// with prefix, by statement ID, Origin first and then AlsoFrom: the
// statements read from the files under a folder (its path and a slash), from
// a file, or from the records of a JSONL file (its path and a colon).
// Deleted statements have no origin.
func (ix *Index) Origins(ctx context.Context, prefix string) (map[string][]string, error) {
	pq := bleve.NewPrefixQuery(prefix)
	pq.SetField(FieldOrigin)
	out := map[string][]string{}
	q := bleve.NewConjunctionQuery(KindQuery(KindStatement), pq)
	if err := ix.each(ctx, q, FieldOrigin, func(id string, origins []string) { out[id] = origins }); err != nil {
		return nil, fmt.Errorf("index: statements from %s: %w", prefix, err)
	}
	return out, nil
}

// eachPage is how many documents each reads per search.
const eachPage = 1000

// each calls fn with the ID and the stored values of field of every
// document q matches, a page at a time in the order of IDs, so that no
// search holds them all at once.
func (ix *Index) each(ctx context.Context, q query.Query, field string, fn func(id string, values []string)) error {
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, eachPage, 0, false)
		req.Fields = []string{field}
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := ix.Search(ctx, req)
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			fn(h.ID, strs(h.Fields[field]))
		}
		if len(res.Hits) < eachPage {
			return nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}
