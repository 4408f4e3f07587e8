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
// once written, so a segment's columns are built once, from its doc values,
// and dropped when merges retire the segment.
type facetColumns struct {
	// stride is how many documents one build task reads: a merged
	// segment can hold most of the index, and the first search after
	// start-up builds them all, so a segment is read in parts on every
	// core.
	stride uint64
	mu     sync.Mutex
	segs   map[segment.Segment]*segmentColumns
	dicts  [len(termFacets)]dictionary
}

// dictionary numbers the values of one facet field in order of first sight.
type dictionary struct {
	ords   map[string]uint32
	values []string
}

func (d *dictionary) ord(value []byte) uint32 {
	if o, ok := d.ords[string(value)]; ok {
		return o
	}
	o := uint32(len(d.values))
	d.values = append(d.values, string(value))
	d.ords[string(value)] = o
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
	c := &facetColumns{stride: 64 << 10, segs: map[segment.Segment]*segmentColumns{}}
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

// columnsPart holds the columns of documents [from, to) of one segment,
// their values numbered by dictionaries of the part's own, so that parts
// are read in parallel without sharing the dictionaries.
type columnsPart struct {
	seg      segment.Segment
	from, to uint64
	cols     segmentColumns
	dicts    [len(termFacets)]dictionary
}

// build reads the columns of segs, in parts on every core; c.mu is held.
func (c *facetColumns) build(segs []segment.Segment) error {
	var parts []*columnsPart
	for _, seg := range segs {
		for from := uint64(0); from < seg.Count(); from += c.stride {
			parts = append(parts, &columnsPart{seg: seg, from: from, to: min(from+c.stride, seg.Count())})
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
	for _, seg := range segs {
		c.segs[seg] = &segmentColumns{}
		for f := range termFacets {
			c.segs[seg].start[f] = []uint32{0}
		}
	}
	for _, p := range parts {
		c.join(c.segs[p.seg], p)
	}
	return nil
}

// join appends the part to the columns of its segment, renumbering its
// values in the shared dictionaries.
func (c *facetColumns) join(cols *segmentColumns, p *columnsPart) {
	for f := range termFacets {
		global := make([]uint32, len(p.dicts[f].values))
		for o, v := range p.dicts[f].values {
			global[o] = c.dicts[f].ord([]byte(v))
		}
		base := uint32(len(cols.ords[f]))
		for _, o := range p.cols.ords[f] {
			cols.ords[f] = append(cols.ords[f], global[o])
		}
		for _, end := range p.cols.start[f][1:] {
			cols.start[f] = append(cols.start[f], base+end)
		}
	}
	cols.year = append(cols.year, p.cols.year...)
}

// read visits the facet doc values of the part's documents.
func (p *columnsPart) read() error {
	dv, ok := p.seg.(segment.DocValueVisitable)
	if !ok {
		return errNoColumns
	}
	n := p.to - p.from
	p.cols.year = make([]int16, n)
	for f := range termFacets {
		p.cols.start[f] = make([]uint32, 1, n+1)
		p.dicts[f].ords = map[string]uint32{}
	}
	fields := slices.Concat(termFacets[:], []string{index.FieldPublished})
	field := make(map[string]int, len(termFacets))
	for f, name := range termFacets {
		field[name] = f
	}
	var doc uint64 // from p.from
	visit := func(name string, term []byte) {
		if name == index.FieldPublished {
			// Dates are indexed at several precisions; shift 0 is the
			// instant itself.
			t := numeric.PrefixCoded(term)
			if shift, err := t.Shift(); err == nil && shift == 0 {
				if ns, err := t.Int64(); err == nil {
					p.cols.year[doc] = int16(time.Unix(0, ns).UTC().Year())
				}
			}
			return
		}
		if f, ok := field[name]; ok {
			p.cols.ords[f] = append(p.cols.ords[f], p.dicts[f].ord(term))
		}
	}
	var state segment.DocVisitState
	for doc = 0; doc < n; doc++ {
		var err error
		if state, err = dv.VisitDocValues(p.from+doc, fields, visit, state); err != nil {
			return fmt.Errorf("search: facet values of document %d: %w", p.from+doc, err)
		}
		for f := range termFacets {
			p.cols.start[f] = append(p.cols.start[f], uint32(len(p.cols.ords[f])))
		}
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
