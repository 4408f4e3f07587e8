package alerts

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/search"
)

// Request is the search an alert saves, in the syntax and with the filters
// of the search page.
func (a Alert) Request() search.Request {
	return search.Request{
		Query:         a.Query,
		Organizations: a.Organizations,
		People:        a.People,
		Places:        a.Places,
		Sources:       a.Sources,
		From:          a.From,
	}
}

// searchMatcher runs each alert as a search over one batch held in memory,
// built on the first Match so a batch with no alerts to run costs nothing.
type searchMatcher struct {
	p *search.Percolator
}

func (m *searchMatcher) Match(ctx context.Context, a Alert, stmts []index.Statement) ([]string, error) {
	if m.p == nil {
		p, err := search.NewPercolator(stmts)
		if err != nil {
			return nil, fmt.Errorf("alerts: match: %w", err)
		}
		m.p = p
	}
	ids, err := m.p.Match(ctx, a.Request())
	if errors.Is(err, search.ErrInvalid) {
		// Queries are checked when an alert is saved; one that a later
		// syntax no longer accepts matches nothing rather than holding up
		// every other alert.
		return nil, nil
	}
	return ids, err
}

// Snippets returns where a's search matched the statements ids of the
// batch, as a search page shows it, in plain text.
func (m *searchMatcher) Snippets(ctx context.Context, a Alert, ids []string) (map[string]string, error) {
	if m.p == nil {
		return nil, nil // Match never ran, so nothing matched
	}
	sn, err := m.p.Snippets(ctx, a.Request(), ids)
	if errors.Is(err, search.ErrInvalid) {
		return nil, nil // as in Match
	}
	if err != nil {
		return nil, fmt.Errorf("alerts: snippets: %w", err)
	}
	out := make(map[string]string, len(sn))
	for id, snippets := range sn {
		var b strings.Builder
		for i, s := range snippets {
			if i > 0 {
				b.WriteByte(' ')
			}
			for _, sp := range s {
				b.WriteString(sp.Text)
			}
		}
		out[id] = b.String()
	}
	return out, nil
}

var _ snippeter = (*searchMatcher)(nil)

func (m *searchMatcher) close() {
	if m.p != nil {
		m.p.Close()
	}
}

// PercolateBatch runs every alert against a batch of statements about to be
// indexed, as searches over the batch alone. Call it before the batch is
// written: a crash in between then costs only a second, idempotent run.
func (s *Store) PercolateBatch(ctx context.Context, stmts []index.Statement) (int, error) {
	m := &searchMatcher{}
	defer m.close()
	return s.Percolate(ctx, m, stmts)
}
