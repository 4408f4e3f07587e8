package index

import (
	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zapv17 "github.com/blevesearch/zapx/v17"
)

// When a batch fails to persist (a full disk, a file-size limit), Bleve's
// Batch closes the batch's in-memory segment although the index snapshot
// already holds it (index/scorch/scorch.go, Batch, in v2.6.3). Closing an
// in-memory zap segment frees nothing, the garbage collector does that, but
// it sets its term-dictionary cache to nil, and the next reader of the
// snapshot panics on it ("assignment to entry in nil map") in a goroutine
// Bleve starts, where no recover can catch it: a lookup running beside the
// failed write crashed 1 file-size-limit run in about 10. heal reopens the
// index for the readers that come after; keepOpenPlugin covers the ones
// already under way by leaving in-memory segments open.
//
// Registering replaces Bleve's own zap v17 plugin, which is what it writes
// and opens by default, for the whole process; the format on disk is the
// same, so an index written before opens as before. Registration is Bleve's
// process-wide table, like database/sql's drivers.
func init() {
	scorch.RegisterSegmentPlugin(keepOpenPlugin{&zapv17.ZapPlugin{}}, true)
}

// keepOpenPlugin is zap v17 whose new in-memory segments ignore Close.
type keepOpenPlugin struct{ *zapv17.ZapPlugin }

// keptOpen is an in-memory segment whose Close does nothing.
type keptOpen struct{ *zapv17.SegmentBase }

func (keptOpen) Close() error { return nil }

func (p keepOpenPlugin) New(docs []bindex.Document) (segment.Segment, uint64, error) {
	return p.NewUsing(docs, nil)
}

func (p keepOpenPlugin) NewUsing(docs []bindex.Document, config map[string]interface{}) (segment.Segment, uint64, error) {
	s, n, err := p.ZapPlugin.NewUsing(docs, config)
	if sb, ok := s.(*zapv17.SegmentBase); ok {
		return keptOpen{sb}, n, err
	}
	return s, n, err
}

// Merge and MergeUsing hand zap its own segments: it accepts no others.
func (p keepOpenPlugin) Merge(segs []segment.Segment, drops []*roaring.Bitmap, path string,
	closeCh chan struct{}, s segment.StatsReporter) ([][]uint64, uint64, error) {
	return p.ZapPlugin.Merge(unwrapped(segs), drops, path, closeCh, s)
}

func (p keepOpenPlugin) MergeUsing(segs []segment.Segment, drops []*roaring.Bitmap, path string,
	closeCh chan struct{}, s segment.StatsReporter, config map[string]interface{}) ([][]uint64, uint64, error) {
	return p.ZapPlugin.MergeUsing(unwrapped(segs), drops, path, closeCh, s, config)
}

func unwrapped(segs []segment.Segment) []segment.Segment {
	out := make([]segment.Segment, len(segs))
	for i, s := range segs {
		if k, ok := s.(keptOpen); ok {
			s = k.SegmentBase
		}
		out[i] = s
	}
	return out
}
