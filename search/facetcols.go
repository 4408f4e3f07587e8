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
// be decompressed document by document. The instants of publication they
// read also bound a search's dates (publishedQuery), and tell the undated
// hits a date range drops and counts (wrap).
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
	// month of publication, as monthOf numbers it; 0 when unknown
	month []int16
	// published is the instant of publication of documents with a month,
	// in nanoseconds since 1970 as Bleve keeps it (publishedQuery): eight
	// bytes a document, quotes included, 24 MB for a million statements
	// with two quotes each.
	published []int64
}

// monthOf numbers the month of t from year 0 (year*12 + month-1), which
// fits an int16 for every date Bleve can store (1677 to 2262), so a
// segment's column costs two bytes a statement, as a year did. Months,
// not years, so that the page can draw a short range by month.
func monthOf(t time.Time) int16 {
	return int16(t.Year()*12 + int(t.Month()) - 1)
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
	segs, offsets, err := c.segments(r)
	if err != nil {
		return nil, err
	}
	t := &facetTally{segs: segs, offsets: offsets, months: make([]int, 1+12*(time.Now().Year()+2-firstYear))}
	c.mu.Lock()
	defer c.mu.Unlock()
	for f := range c.dicts {
		t.counts[f] = make([]int, len(c.dicts[f].values))
		t.values[f] = c.dicts[f].values
	}
	return t, nil
}

// segments returns the columns of every segment of the snapshot r, built
// where missing, and the first document number of each segment.
func (c *facetColumns) segments(r bindex.IndexReader) ([]*segmentColumns, []uint64, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, nil, errNoColumns
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
		return nil, nil, err
	}
	live := make(map[segment.Segment]bool, len(snap.Segments()))
	segs := make([]*segmentColumns, 0, len(snap.Segments()))
	offsets := make([]uint64, 0, len(snap.Segments()))
	var offset uint64
	for _, ss := range snap.Segments() {
		seg := ss.Segment()
		live[seg] = true
		segs = append(segs, c.segs[seg])
		offsets = append(offsets, offset)
		offset += seg.Count()
	}
	// Merges replace segments; a search still running on an older
	// snapshot rebuilds what it needs.
	for seg := range c.segs {
		if !live[seg] {
			delete(c.segs, seg)
		}
	}
	return segs, offsets, nil
}

// datePart marks the part that reads the months of publication.
const datePart = len(termFacets)

// columnsPart is one field of one segment: term facet field, or datePart.
// Parts are read in parallel, each numbering its values in the order of
// the segment's own dictionary; joining renumbers them in the shared ones.
type columnsPart struct {
	seg         segment.Segment
	field       int
	start, ords []uint32
	values      []string
	month       []int16
	published   []int64
}

// build reads the columns of segs, a part per field and segment on every
// core; c.mu is held.
func (c *facetColumns) build(segs []segment.Segment) error {
	var parts []*columnsPart
	for _, seg := range segs {
		for f := range datePart + 1 {
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
		if p.field == datePart {
			cols.month, cols.published = p.month, p.published
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
// the documents of each. A term facet is read twice, first to count each
// document's values and then to put them in place: collecting the pairs
// of document and value first, and sorting them by document, spent half
// of a cold start copying them as they grew.
func (p *columnsPart) read() error {
	name := index.FieldPublished
	if p.field != datePart {
		name = termFacets[p.field]
	}
	dict, err := p.seg.Dictionary(name)
	if err != nil {
		return fmt.Errorf("search: facet values of %s: %w", name, err)
	}
	n := p.seg.Count()
	if p.field == datePart {
		p.month, p.published = make([]int16, n), make([]int64, n)
		return p.eachPosting(dict, name, func(term string, d uint64) error {
			ns, err := numeric.PrefixCoded(term).Int64()
			if err != nil {
				return nil // not a date the mapping wrote: no month
			}
			p.month[d], p.published[d] = monthOf(time.Unix(0, ns).UTC()), ns
			return nil
		})
	}
	// counts[d+1] is how many values document d has; once summed,
	// counts[d] is where its values start.
	counts := make([]uint32, n+1)
	if err := p.eachPosting(dict, name, func(term string, d uint64) error {
		if len(p.values) == 0 || p.values[len(p.values)-1] != term {
			p.values = append(p.values, term)
		}
		counts[d+1]++
		return nil
	}); err != nil {
		return err
	}
	for d := range n {
		counts[d+1] += counts[d]
	}
	p.start, p.ords = counts, make([]uint32, counts[n])
	next := slices.Clone(counts[:n])
	ord := uint32(0)
	return p.eachPosting(dict, name, func(term string, d uint64) error {
		for p.values[ord] != term {
			ord++
		}
		p.ords[next[d]] = ord
		next[d]++
		return nil
	})
}

// eachPosting calls fn with every term of the part's field, in order, and
// each document that holds it. Dates are indexed at several precisions,
// each term led by its shift; only shift 0, the instant itself, is read.
func (p *columnsPart) eachPosting(dict segment.TermDictionary, name string, fn func(term string, doc uint64) error) error {
	var from, to []byte // every term
	if p.field == datePart {
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
			return nil
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
			if err := fn(entry.Term, hit.Number()); err != nil {
				return err
			}
		}
	}
}

// facetTally counts the facets of one search's hits.
type facetTally struct {
	segs    []*segmentColumns
	offsets []uint64 // first document number of each segment
	counts  [len(termFacets)][]int
	values  [len(termFacets)][]string
	// months[0] counts hits published before firstYear, months[1+i] those
	// of the i-th month from January of firstYear, up to December of next
	// year; undated those without a date.
	months  []int
	undated int
}

// locate returns the columns of the segment holding Bleve's document
// number doc, and its number there.
func (t *facetTally) locate(doc uint64) (*segmentColumns, uint64) {
	s, _ := slices.BinarySearch(t.offsets, doc+1)
	s--
	return t.segs[s], doc - t.offsets[s]
}

// add counts the hit with the local number in cols.
func (t *facetTally) add(cols *segmentColumns, local uint64) {
	for f := range cols.start {
		for _, o := range cols.ords[f][cols.start[f][local]:cols.start[f][local+1]] {
			t.counts[f][o]++
		}
	}
	switch m := int(cols.month[local]) - firstYear*12; {
	case cols.month[local] == 0:
		t.undated++
	case m < 0:
		t.months[0]++
	case m+1 < len(t.months):
		t.months[m+1]++
	}
}

// wrap makes Bleve's collector count every hit's facets into *tally, when
// facets is set, before it ranks it; with undated set, it drops the hits
// without a date instead, and counts them there.
func (c *facetColumns) wrap(tally **facetTally, facets bool, undated *uint64) bsearch.MakeDocumentMatchHandler {
	return func(sc *bsearch.SearchContext) (bsearch.DocumentMatchHandler, bool, error) {
		var t *facetTally
		if facets {
			var err error
			if t, err = c.tally(sc.IndexReader); err != nil {
				return nil, false, err
			}
			*tally = t
		} else {
			segs, offsets, err := c.segments(sc.IndexReader)
			if err != nil {
				return nil, false, err
			}
			t = &facetTally{segs: segs, offsets: offsets}
		}
		rank, loadID, err := collector.MakeTopNDocumentMatchHandler(sc)
		if err != nil {
			return nil, false, err
		}
		return func(d *bsearch.DocumentMatch) error {
			if d != nil {
				cols, local := t.locate(d.IndexInternalID.Value())
				if undated != nil && cols.month[local] == 0 {
					*undated++
					sc.DocumentMatchPool.Put(d)
					return nil
				}
				if facets {
					t.add(cols, local)
				}
			}
			return rank(d)
		}, loadID, nil
	}
}

// facets returns the counted facets as Bleve would: each term facet's
// FacetSize most frequent values, ties in value order; the histograms in
// time order, empty years and months left out, and months only over a
// short span.
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
	if n := t.months[0]; n > 0 {
		ff.Published = append(ff.Published, DateBucket{Label: "before " + strconv.Itoa(firstYear), To: yearStart(firstYear), Count: n})
	}
	// Months only for a short span (see MonthsSpan): the first and last
	// months with statements, none before firstYear.
	first, last := -1, -1
	for i, n := range t.months[1:] {
		if n > 0 {
			last = i
			if first < 0 {
				first = i
			}
		}
	}
	monthly := t.months[0] == 0 && first >= 0 && last-first < MonthsSpan
	for i := 1; i < len(t.months); i += 12 {
		year := 0
		for m, n := range t.months[i : i+12] {
			if n == 0 {
				continue
			}
			year += n
			if monthly {
				from := time.Date(firstYear+(i-1)/12, time.Month(1+m), 1, 0, 0, 0, 0, time.UTC)
				ff.PublishedMonths = append(ff.PublishedMonths, DateBucket{Label: from.Format("2006-01"), From: from, To: from.AddDate(0, 1, 0), Count: n})
			}
		}
		if year > 0 {
			y := firstYear + (i-1)/12
			ff.Published = append(ff.Published, DateBucket{Label: strconv.Itoa(y), From: yearStart(y), To: yearStart(y + 1), Count: year})
		}
	}
	ff.Undated = t.undated
	return ff
}
