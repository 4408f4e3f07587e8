package alerts

import (
	"context"
	"errors"
	"fmt"

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
