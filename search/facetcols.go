package search

import (
	"cmp"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/numeric"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// facetColumns keeps every statement's facet values as small integers, one
// column per index segment, so that counting facets over a search's hits is
// an array increment per value. Bleve's own facets decode the compressed doc
// values of every hit on every search: on 100,000 statements that was most
// of the time of any search matching many of them. Segments never change
// once written, so a segment's columns are built once and dropped when
// merges retire the segment. They are built from the segment's term
// dictionaries and postings, not its doc values: a facet has a few thousand
// values, each a list of documents read in one go, where doc values would
// be decompressed document by document.
type facetColumns struct {
	mu    sync.Mutex
	segs  map[segment.Segment]*segmentColumns
	dicts [len(termFacets)]dictionary
}

// dictionary numbers the values of one facet field in order of first sight.
type dictionary struct {
	ords   map[string]uint32
	values []string
}

func (d *dictionary) ord(value string) uint32 {
	if o, ok := d.ords[value]; ok {
		return o
	}
	o := uint32(len(d.values))
	d.values = append(d.values, value)
	d.ords[value] = o
	return o
}

// segmentColumns holds the facet values of one segment's documents: for
// term facet f, document n has ords[f][start[f][n]:start[f][n+1]].
type segmentColumns struct {
	start [len(termFacets)][]uint32
	ords  [len(termFacets)][]uint32
	// year of publication, 0 when unknown
	year []int16
}

func newFacetColumns() *facetColumns {
	c := &facetColumns{segs: map[segment.Segment]*segmentColumns{}}
	for i := range c.dicts {
		c.dicts[i].ords = map[string]uint32{}
	}
	return c
}

// errNoColumns means the index is not Bleve's scorch, which every index
// that index.Open and index.OpenMemory return is.
var errNoColumns = errors.New("search: facet columns need a scorch index")

// tally prepares counting over one search of the snapshot r: the columns of
// every segment of r, built where missing, and counters sized to the values
// known so far, which are all the values r holds.
func (c *facetColumns) tally(r bindex.IndexReader) (*facetTally, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, errNoColumns
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var missing []segment.Segment
	for _, ss := range snap.Segments() {
		if _, ok := c.segs[ss.Segment()]; !ok {
			missing = append(missing, ss.Segment())
		}
	}
	if err := c.build(missing); err != nil {
		return nil, err
	}
	t := &facetTally{years: make([]int, time.Now().Year()+3-firstYear)}
	live := make(map[segment.Segment]bool, len(snap.Segments()))
	var offset uint64
	for _, ss := range snap.Segments() {
		seg := ss.Segment()
		live[seg] = true
		t.segs = append(t.segs, c.segs[seg])
		t.offsets = append(t.offsets, offset)
		offset += seg.Count()
	}
	// Merges replace segments; a search still running on an older
	// snapshot rebuilds what it needs.
	for seg := range c.segs {
		if !live[seg] {
			delete(c.segs, seg)
		}
	}
	for f := range c.dicts {
		t.counts[f] = make([]int, len(c.dicts[f].values))
		t.values[f] = c.dicts[f].values
	}
	return t, nil
}

// yearPart marks the part that reads the years of publication.
const yearPart = len(termFacets)

// columnsPart is one field of one segment: term facet field, or yearPart.
// Parts are read in parallel, each numbering its values in the order of
// the segment's own dictionary; joining renumbers them in the shared ones.
type columnsPart struct {
	seg         segment.Segment
	field       int
	start, ords []uint32
	values      []string
	year        []int16
}

// build reads the columns of segs, a part per field and segment on every
// core; c.mu is held.
func (c *facetColumns) build(segs []segment.Segment) error {
	var parts []*columnsPart
	for _, seg := range segs {
		for f := range yearPart + 1 {
			parts = append(parts, &columnsPart{seg: seg, field: f})
		}
	}
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(parts)) {
		wg.Go(func() {
			for i := range next {
				errs[i] = parts[i].read()
			}
		})
	}
	for i := range parts {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for _, p := range parts {
		cols := c.segs[p.seg]
		if cols == nil {
			cols = &segmentColumns{}
			c.segs[p.seg] = cols
		}
		if p.field == yearPart {
			cols.year = p.year
			continue
		}
		global := make([]uint32, len(p.values))
		for o, v := range p.values {
			global[o] = c.dicts[p.field].ord(v)
		}
		for i, o := range p.ords {
			p.ords[i] = global[o]
		}
		cols.start[p.field], cols.ords[p.field] = p.start, p.ords
	}
	return nil
}

// read reads the part's field: every term of the segment's dictionary, and
// the documents of each.
func (p *columnsPart) read() error {
	name := index.FieldPublished
	if p.field != yearPart {
		name = termFacets[p.field]
	}
	dict, err := p.seg.Dictionary(name)
	if err != nil {
		return fmt.Errorf("search: facet values of %s: %w", name, err)
	}
	n := p.seg.Count()
	if p.field == yearPart {
		p.year = make([]int16, n)
	}
	// Documents and values, in term order; counts[d+1] is how many
	// values document d has.
	var docs, ords []uint32
	counts := make([]uint32, n+1)
	var from, to []byte // every term
	if p.field == yearPart {
		// Dates are indexed at several precisions, each term led by its
		// shift; shift 0 is the instant itself.
		from, to = []byte{numeric.ShiftStartInt64}, []byte{numeric.ShiftStartInt64 + 1}
	}
	terms := dict.AutomatonIterator(nil, from, to)
	var postings segment.PostingsList
	var it segment.PostingsIterator
	for {
		entry, err := terms.Next()
		if err != nil {
			return fmt.Errorf("search: facet values of %s: %w", name, err)
		}
		if entry == nil {
			break
		}
		var year int16
		ord := uint32(len(p.values))
		if p.field == yearPart {
			ns, err := numeric.PrefixCoded(entry.Term).Int64()
			if err != nil {
				continue
			}
			year = int16(time.Unix(0, ns).UTC().Year())
		} else {
			p.values = append(p.values, entry.Term)
		}
		if postings, err = dict.PostingsList([]byte(entry.Term), nil, postings); err != nil {
			return fmt.Errorf("search: documents of %s %q: %w", name, entry.Term, err)
		}
		it = postings.Iterator(false, false, false, it)
		for {
			hit, err := it.Next()
			if err != nil {
				return fmt.Errorf("search: documents of %s %q: %w", name, entry.Term, err)
			}
			if hit == nil {
				break
			}
			d := hit.Number()
			if p.field == yearPart {
				p.year[d] = year
				continue
			}
			docs, ords = append(docs, uint32(d)), append(ords, ord)
			counts[d+1]++
		}
	}
	if p.field == yearPart {
		return nil
	}
	for d := range n {
		counts[d+1] += counts[d]
	}
	p.start, p.ords = counts, make([]uint32, len(ords))
	next := slices.Clone(counts[:n])
	for i, d := range docs {
		p.ords[next[d]] = ords[i]
		next[d]++
	}
	return nil
}

// facetTally counts the facets of one search's hits.
type facetTally struct {
	segs    []*segmentColumns
	offsets []uint64 // first document number of each segment
	counts  [len(termFacets)][]int
	values  [len(termFacets)][]string
	// years[0] counts hits published before firstYear, years[i] those of
	// firstYear+i-1, up to next year.
	years []int
}

// add counts the hit with Bleve's document number doc.
func (t *facetTally) add(doc uint64) {
	s, _ := slices.BinarySearch(t.offsets, doc+1)
	s--
	cols, local := t.segs[s], doc-t.offsets[s]
	for f := range cols.start {
		for _, o := range cols.ords[f][cols.start[f][local]:cols.start[f][local+1]] {
			t.counts[f][o]++
		}
	}
	switch y := int(cols.year[local]); {
	case y == 0:
	case y < firstYear:
		t.years[0]++
	case y-firstYear+1 < len(t.years):
		t.years[y-firstYear+1]++
	}
}

// wrap makes Bleve's collector count every hit before it ranks it.
func (c *facetColumns) wrap(tally **facetTally) bsearch.MakeDocumentMatchHandler {
	return func(sc *bsearch.SearchContext) (bsearch.DocumentMatchHandler, bool, error) {
		t, err := c.tally(sc.IndexReader)
		if err != nil {
			return nil, false, err
		}
		*tally = t
		rank, loadID, err := collector.MakeTopNDocumentMatchHandler(sc)
		if err != nil {
			return nil, false, err
		}
		return func(d *bsearch.DocumentMatch) error {
			if d != nil {
				t.add(d.IndexInternalID.Value())
			}
			return rank(d)
		}, loadID, nil
	}
}

// facets returns the counted facets as Bleve would: each term facet's
// FacetSize most frequent values, ties in value order; the histogram in
// time order, empty years left out.
func (t *facetTally) facets() Facets {
	top := func(f int) []FacetValue {
		var out []FacetValue
		for o, n := range t.counts[f] {
			if n > 0 {
				out = append(out, FacetValue{Value: t.values[f][o], Count: n})
			}
		}
		slices.SortFunc(out, func(a, b FacetValue) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return cmp.Compare(a.Value, b.Value)
		})
		return out[:min(len(out), FacetSize)]
	}
	ff := Facets{}
	for f, name := range termFacets {
		vals := top(f)
		switch name {
		case index.FieldOrganizations:
			ff.Organizations = vals
		case index.FieldPeople:
			ff.People = vals
		case index.FieldPlaces:
			ff.Places = vals
		case index.FieldSource:
			ff.Sources = vals
		case index.FieldLang:
			ff.Languages = vals
		}
	}
	for i, n := range t.years {
		if n == 0 {
			continue
		}
		b := DateBucket{Label: "before " + strconv.Itoa(firstYear), To: yearStart(firstYear), Count: n}
		if i > 0 {
			y := firstYear + i - 1
			b = DateBucket{Label: strconv.Itoa(y), From: yearStart(y), To: yearStart(y + 1), Count: n}
		}
		ff.Published = append(ff.Published, b)
	}
	return ff
}
