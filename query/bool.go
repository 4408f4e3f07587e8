package query

// occur is how a clause takes part in the group around it.
type occur uint8

const (
	occDefault occur = iota // as the group's operator says
	occMust                 // +x
	occNot                  // -x, NOT x, !x
)

type clause struct {
	occ  occur
	node Node
}

// group is the node for a clause standing alone: in parentheses or as the
// whole query.
func (c clause) group() Node {
	if c.occ == occNot {
		return &Bool{MustNot: []Node{c.node}}
	}
	return c.node
}

// negate applies NOT, -, or !. Two negations cancel (`NOT NOT a` is a,
// `-(-a)` is a) instead of asking the index for "everything except
// everything except a".
func (c clause) negate() clause {
	if c.occ == occNot {
		return clause{occDefault, c.node}
	}
	if b, ok := c.node.(*Bool); ok && b.Boost == 0 && len(b.Must) == 0 && len(b.Should) == 0 && len(b.MustNot) == 1 {
		return clause{occDefault, b.MustNot[0]}
	}
	return clause{occNot, c.node}
}

// and builds an AND group. Nested groups without Should clauses or a boost
// are spliced in (a AND (b AND NOT c) is a AND b AND NOT c), which keeps
// the tree as flat as its meaning.
func and(cs []clause) Node {
	b := &Bool{}
	for _, c := range cs {
		if c.occ == occNot {
			b.MustNot = append(b.MustNot, c.node)
			continue
		}
		if in, ok := c.node.(*Bool); ok && in.Boost == 0 && len(in.Should) == 0 {
			b.Must = append(b.Must, in.Must...)
			b.MustNot = append(b.MustNot, in.MustNot...)
			continue
		}
		b.Must = append(b.Must, c.node)
	}
	return collapse(b)
}

// or builds an OR group. As in Lucene, + and - inside it mark clauses as
// required or excluded (`+cchr -adhoc close` with DefaultOr requires cchr,
// excludes adhoc and ranks close higher); only unmarked clauses are
// alternatives. Nested pure OR groups without a boost are spliced in.
func or(cs []clause) Node {
	b := &Bool{}
	for _, c := range cs {
		switch c.occ {
		case occMust:
			b.Must = append(b.Must, c.node)
		case occNot:
			b.MustNot = append(b.MustNot, c.node)
		default:
			if in, ok := c.node.(*Bool); ok && in.Boost == 0 && len(in.Must) == 0 && len(in.MustNot) == 0 {
				b.Should = append(b.Should, in.Should...)
				continue
			}
			b.Should = append(b.Should, c.node)
		}
	}
	return collapse(b)
}

// collapse replaces a Bool that holds a single Must or Should clause and
// nothing else with that clause: the two match the same statements.
func collapse(b *Bool) Node {
	switch {
	case b.Boost != 0 || len(b.MustNot) != 0:
	case len(b.Must) == 1 && len(b.Should) == 0:
		return b.Must[0]
	case len(b.Should) == 1 && len(b.Must) == 0:
		return b.Should[0]
	}
	return b
}
