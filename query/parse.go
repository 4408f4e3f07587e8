package query

import (
	"errors"
	"math"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits on what one query may ask of the index. The caller bounds the
// length of the text; these bound the work a short text can still demand.
const (
	// MaxDepth is how deeply parentheses may nest. It also bounds the
	// parser's recursion, so no input can exhaust the stack.
	MaxDepth = 32
	// MaxClauses is how many terms, phrases, patterns and ranges a query
	// may hold; each becomes at least one posting-list scan.
	MaxClauses = 200
)

// Options changes how Parse reads a query. The zero value is the default.
type Options struct {
	// DefaultOr makes adjacent clauses (`a b`) mean a OR b, as Lucene's
	// own default does. The zero value makes them mean a AND b, which is
	// what Aleph and Datashare users expect from a search box: more words,
	// fewer results.
	DefaultOr bool
	// AllowLeadingWildcard accepts patterns with fewer than 2 literal
	// characters before the first * or ? (`*rights`, `a*`). They are off by
	// default because they make the index scan its whole term dictionary.
	AllowLeadingWildcard bool
}

// Parse reads a query in the Lucene query-string syntax described in the
// package comment and returns its tree. An empty or blank query gives
// &MatchAll{}. Every error is a *SyntaxError, which unwraps to ErrSyntax.
// Parse is safe for concurrent use.
func Parse(q string, opts Options) (Node, error) {
	if !utf8.ValidString(q) {
		i := 0
		for i < len(q) {
			r, n := utf8.DecodeRuneInString(q[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		return nil, errorAt(q, i, "invalid UTF-8")
	}
	if strings.TrimSpace(q) == "" {
		return &MatchAll{}, nil
	}
	p := &parser{q: q, toks: lex(q), opts: opts}
	c, err := p.or("", nil)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != kEOF {
		return nil, p.unexpected(t)
	}
	return c.group(), nil
}

type parser struct {
	q       string
	toks    []token
	i       int
	opts    Options
	depth   int
	clauses int
}

func (p *parser) peek() token { return p.toks[p.i] }

// next returns the current token and moves on, staying on the last token
// (kEOF or kErr) once there.
func (p *parser) next() token {
	t := p.toks[p.i]
	if p.i < len(p.toks)-1 {
		p.i++
	}
	return t
}

// errorf reports a problem at token t, unless t is a lexing error: then that
// is the real problem and wins.
func (p *parser) errorf(t token, format string, args ...any) error {
	if t.kind == kErr {
		return t.err
	}
	return errorAt(p.q, t.pos, format, args...)
}

// unexpected explains a token that cannot stand where it is.
func (p *parser) unexpected(t token) error {
	switch t.kind {
	case kRParen:
		return p.errorf(t, `unbalanced parenthesis, ")" without "("`)
	case kRangeClose:
		return p.errorf(t, "%q without an opening bracket (a range looks like published:[2016 TO 2017])", t.text)
	case kCaret:
		return p.errorf(t, `"^" must follow a term, as in title:rights^2`)
	case kTilde:
		return p.errorf(t, `"~" must follow a word or a phrase, as in sokha~1 or "hun sen"~5`)
	case kEOF:
		return p.errorf(t, "unexpected end of the query")
	}
	return p.errorf(t, "unexpected %q", t.text)
}

// expected explains why t cannot start a clause; prev is the token that
// asked for one (an operator, "(" or a field), or nil.
func (p *parser) expected(prev *token, t token) error {
	if t.kind == kErr {
		return t.err
	}
	if prev != nil {
		switch prev.kind {
		case kLParen:
			switch t.kind {
			case kRParen:
				return p.errorf(*prev, "empty parentheses")
			case kEOF:
				return p.errorf(*prev, `unbalanced parenthesis, missing ")" for the "("`)
			case kAnd, kOr:
				return p.errorf(t, "expected a term before %s", t.text)
			}
			return p.unexpected(t)
		case kField:
			return p.errorf(*prev, "expected a value after %s:", prev.text)
		}
		return p.errorf(*prev, "expected a term after %s", prev.text)
	}
	if t.kind == kAnd || t.kind == kOr {
		return p.errorf(t, "expected a term before %s", t.text)
	}
	return p.unexpected(t)
}

// startsClause reports whether t can begin a clause, which is also what
// makes two clauses adjacent and joins them with the default operator.
func startsClause(t token) bool {
	switch t.kind {
	case kNot, kPlus, kMinus, kField:
		return true
	}
	return startsValue(t)
}

// startsValue reports whether t can follow field:.
func startsValue(t token) bool {
	switch t.kind {
	case kWord, kPhrase, kRegexp, kLParen, kRangeOpen, kCmp:
		return true
	}
	return false
}

// The grammar, lowest precedence first; the default operator takes the
// place (and precedence) of the explicit one it stands for:
//
//	or      = and { ("OR" | "||" | adjacent, if DefaultOr) and }
//	and     = unary { ("AND" | "&&" | adjacent, unless DefaultOr) unary }
//	unary   = { "NOT" | "!" | "+" | "-" } primary
//	primary = [ field ":" ] value { "~" [N] | "^" N }
//	value   = word | phrase | /regexp/ | "(" or ")" | range | cmp date
//	range   = ("[" | "{") date "TO" date ("]" | "}")
//	cmp     = ">" | ">=" | "<" | "<="
//
// field is the field of an enclosing field:(...), prev the token before.
func (p *parser) or(field string, prev *token) (clause, error) {
	return p.level(field, prev, kOr, p.opts.DefaultOr, p.and, or)
}

func (p *parser) and(field string, prev *token) (clause, error) {
	return p.level(field, prev, kAnd, !p.opts.DefaultOr, p.unary, and)
}

// level parses one precedence level: operands joined by the operator op, or
// by mere adjacency when it is the default operator.
func (p *parser) level(field string, prev *token, op kind, byAdjacency bool,
	operand func(string, *token) (clause, error), join func([]clause) Node) (clause, error) {
	c, err := operand(field, prev)
	if err != nil {
		return clause{}, err
	}
	cs := []clause{c}
	for {
		t := p.peek()
		var opTok *token
		switch {
		case t.kind == op:
			p.next()
			opTok = &t
		case byAdjacency && startsClause(t):
		default:
			if len(cs) == 1 {
				return cs[0], nil
			}
			return clause{occDefault, join(cs)}, nil
		}
		c, err := operand(field, opTok)
		if err != nil {
			return clause{}, err
		}
		cs = append(cs, c)
	}
}

// unary collects prefix operators in a loop rather than by recursion, so a
// long run of NOTs cannot deepen the stack, then applies them innermost
// first.
func (p *parser) unary(field string, prev *token) (clause, error) {
	var ops []token
	for {
		t := p.peek()
		if t.kind != kNot && t.kind != kPlus && t.kind != kMinus {
			break
		}
		ops = append(ops, p.next())
		prev = &ops[len(ops)-1]
	}
	c, err := p.primary(field, prev)
	if err != nil {
		return clause{}, err
	}
	for i := len(ops) - 1; i >= 0; i-- {
		if ops[i].kind == kPlus {
			if c.occ == occDefault {
				c.occ = occMust
			}
		} else {
			c = c.negate()
		}
	}
	return c, nil
}

func (p *parser) primary(field string, prev *token) (clause, error) {
	t := p.peek()
	if t.kind == kField {
		p.next()
		field, prev = t.text, &t
		if !startsValue(p.peek()) {
			return clause{}, p.expected(prev, p.peek())
		}
		t = p.peek()
	}
	if !startsValue(t) {
		return clause{}, p.expected(prev, t)
	}
	p.next()
	var n Node
	var err error
	switch t.kind {
	case kLParen:
		if p.depth++; p.depth > MaxDepth {
			return clause{}, p.errorf(t, "query nested deeper than %d levels", MaxDepth)
		}
		c, err := p.or(field, &t)
		if err != nil {
			return clause{}, err
		}
		if end := p.peek(); end.kind != kRParen {
			if end.kind == kEOF {
				return clause{}, p.errorf(t, `unbalanced parenthesis, missing ")" for the "("`)
			}
			return clause{}, p.unexpected(end)
		}
		p.next()
		p.depth--
		n = c.group()
	case kRangeOpen:
		n, err = p.dateRange(field, t)
	case kCmp:
		n, err = p.compare(field, t)
	default:
		n, err = p.leaf(field, t)
	}
	if err != nil {
		return clause{}, err
	}
	n, err = p.postfix(n, t)
	return clause{occDefault, n}, err
}

// count enforces MaxClauses; t is the clause that went over.
func (p *parser) count(t token) error {
	if p.clauses++; p.clauses > MaxClauses {
		return p.errorf(t, "query has more than %d terms", MaxClauses)
	}
	return nil
}

// leaf turns a word, phrase or regexp into a node.
func (p *parser) leaf(field string, t token) (Node, error) {
	if err := p.count(t); err != nil {
		return nil, err
	}
	if isDateField(field) {
		if t.kind != kWord {
			return nil, p.errorf(t, "%s takes a date, as in %[1]s:2017 or %[1]s:[2016-01 TO 2017-06]", field)
		}
		if t.wild && t.pattern == "*" {
			return &DateRange{Field: field}, nil
		}
		from, to, ok := parseDate(t.text)
		if !ok {
			return nil, p.badDate(t)
		}
		return &DateRange{Field: field, From: from, To: to}, nil
	}
	switch t.kind {
	case kPhrase:
		return &Phrase{Field: field, Text: t.text, Slop: -1}, nil
	case kRegexp:
		if _, err := syntax.Parse(t.text, syntax.Perl); err != nil {
			msg := err.Error()
			var se *syntax.Error
			if errors.As(err, &se) {
				msg = string(se.Code)
			}
			return nil, p.errorf(t, "invalid regular expression: %s", msg)
		}
		return &Regexp{Field: field, Pattern: t.text}, nil
	}
	if !t.wild {
		return &Term{Field: field, Text: t.text}, nil
	}
	if t.pattern == "*" && field == "" {
		return &MatchAll{}, nil
	}
	if t.lead < 2 && !p.opts.AllowLeadingWildcard {
		return nil, p.errorf(t, "a pattern must start with at least 2 letters, as in sok*")
	}
	return &Wildcard{Field: field, Pattern: t.pattern}, nil
}

// postfix applies ~ and ^ after a value; each may appear once, in either
// order, as Lucene allows.
func (p *parser) postfix(n Node, value token) (Node, error) {
	var fuzzed, boosted bool
	for {
		t := p.peek()
		switch {
		case t.kind == kTilde && !fuzzed:
			fuzzed = true
			p.next()
			var err error
			if n, err = p.tilde(n, value, t); err != nil {
				return nil, err
			}
		case t.kind == kCaret && !boosted:
			boosted = true
			p.next()
			b, err := strconv.ParseFloat(t.text, 64)
			if err != nil || b <= 0 || math.IsInf(b, 0) {
				return nil, p.errorf(t, "boost must be a positive number, as in ^2")
			}
			if !setBoost(n, b) {
				return nil, p.errorf(t, "boost out of range")
			}
		case t.kind == kTilde:
			return nil, p.errorf(t, `"~" given twice`)
		case t.kind == kCaret:
			return nil, p.errorf(t, `"^" given twice`)
		default:
			return n, nil
		}
	}
}

// tilde applies ~N: proximity after a phrase, edit distance after a word.
func (p *parser) tilde(n Node, value, t token) (Node, error) {
	switch n := n.(type) {
	case *Phrase:
		slop, err := strconv.Atoi(t.text)
		if t.text == "" {
			return nil, p.errorf(t, `expected a number after "~", as in "hun sen"~5`)
		}
		if err != nil || slop < 0 || slop > 100 {
			return nil, p.errorf(t, "proximity must be between 0 and 100")
		}
		n.Slop = slop
		return n, nil
	case *Term:
		// Lucene's default distance for a bare ~ is 2, the largest it and
		// Bleve accept.
		d := 2
		if t.text != "" {
			switch t.text {
			case "0", "1", "2":
				d = int(t.text[0] - '0')
			default:
				return nil, p.errorf(t, "fuzzy distance must be 0, 1 or 2")
			}
		}
		return &Fuzzy{Field: n.Field, Text: n.Text, Distance: d, Boost: n.Boost}, nil
	case *Wildcard:
		return nil, p.errorf(t, "a pattern with * or ? cannot also be fuzzy")
	}
	return nil, p.errorf(t, `"~" must follow a word or a phrase, as in sokha~1 or "hun sen"~5`)
}

// setBoost multiplies n's boost by b, because a boost on a group whose node
// is already boosted, (a^2)^3, weighs both. It reports false when the
// product leaves the range of positive finite numbers.
func setBoost(n Node, b float64) bool {
	var f *float64
	switch n := n.(type) {
	case *Bool:
		f = &n.Boost
	case *Term:
		f = &n.Boost
	case *Phrase:
		f = &n.Boost
	case *Fuzzy:
		f = &n.Boost
	case *Wildcard:
		f = &n.Boost
	case *Regexp:
		f = &n.Boost
	case *DateRange:
		f = &n.Boost
	case *MatchAll:
		f = &n.Boost
	default:
		return false
	}
	if *f != 0 {
		b *= *f
	}
	if b <= 0 || math.IsInf(b, 0) {
		return false
	}
	*f = b
	return true
}
