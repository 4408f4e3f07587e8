package search

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/advosearch/advosearch/index"
)

func TestPercolator_Match_seesOnlyTheBatch(t *testing.T) {
	var batch []index.Statement
	for i := range 250 {
		body := "A statement about land rights."
		if i%2 == 0 {
			body = "Hun Sen threatened to close the CCHR."
		}
		batch = append(batch, index.Statement{ID: fmt.Sprintf("s%03d", i), Title: "t", Body: body, Source: "LICADHO"})
	}
	p, err := NewPercolator(batch)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	ids, err := p.Match(context.Background(), Request{Query: `"Hun Sen" AND cchr`, Page: 7, Size: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 125 || !slices.Contains(ids, "s000") || slices.Contains(ids, "s001") {
		t.Errorf("matched %d statements (want the 125 even ones, over several pages)", len(ids))
	}
	if _, err := p.Match(context.Background(), Request{Query: `(broken`}); err == nil {
		t.Error("a broken saved query must be an error")
	}
}
