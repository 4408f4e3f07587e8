package query

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Format renders n back to query syntax that Parse reads as the same tree,
// whatever the Options' DefaultOr: groups are written with explicit AND/OR
// and parentheses. Use it to show a normalised query (a saved alert, "did
// you mean") rather than the user's spelling. Dates are written to the day.
// Because Format spells out as parentheses the nesting that precedence left
// implicit (a OR b AND c becomes a OR (b AND c)), a tree parsed from a query
// near MaxDepth can format deeper than Parse accepts.
func Format(n Node) string {
	var sb strings.Builder
	format(&sb, n, false)
	return sb.String()
}

func format(sb *strings.Builder, n Node, nested bool) {
	switch n := n.(type) {
	case *Bool:
		formatBool(sb, n, nested)
		return
	case *Term:
		writeField(sb, n.Field)
		writeWord(sb, n.Text)
		writeBoost(sb, n.Boost)
	case *Phrase:
		writeField(sb, n.Field)
		sb.WriteByte('"')
		for _, r := range n.Text {
			if r == '\\' || isQuote(r) {
				sb.WriteByte('\\')
			}
			sb.WriteRune(r)
		}
		sb.WriteByte('"')
		if n.Slop >= 0 {
			sb.WriteString("~" + strconv.Itoa(n.Slop))
		}
		writeBoost(sb, n.Boost)
	case *Fuzzy:
		writeField(sb, n.Field)
		writeWord(sb, n.Text)
		sb.WriteString("~" + strconv.Itoa(n.Distance))
		writeBoost(sb, n.Boost)
	case *Wildcard:
		writeField(sb, n.Field)
		writePattern(sb, n.Pattern)
		writeBoost(sb, n.Boost)
	case *Regexp:
		writeField(sb, n.Field)
		sb.WriteByte('/')
		for i := 0; i < len(n.Pattern); i++ {
			switch c := n.Pattern[i]; {
			case c == '\\' && i+1 < len(n.Pattern):
				sb.WriteString(n.Pattern[i : i+2])
				i++
			case c == '/':
				sb.WriteString(`\/`)
			default:
				sb.WriteByte(c)
			}
		}
		sb.WriteByte('/')
		writeBoost(sb, n.Boost)
	case *DateRange:
		writeField(sb, n.Field)
		sb.WriteString("[" + formatDate(n.From) + " TO ")
		switch {
		case n.To.IsZero():
			sb.WriteString("*]")
		case n.To.Year() > 9999:
			// The syntax has no year 10000: the inclusive end says the same.
			sb.WriteString("9999-12-31]")
		default:
			sb.WriteString(formatDate(n.To) + "}")
		}
		writeBoost(sb, n.Boost)
	case *MatchAll:
		sb.WriteByte('*')
		writeBoost(sb, n.Boost)
	}
}

// formatBool writes a group without Should clauses as A AND B AND -C, and
// one with Should clauses as A OR B OR +C OR -D, where the marks carry the
// Lucene meaning that Parse gives them in an OR group.
func formatBool(sb *strings.Builder, b *Bool, nested bool) {
	paren := nested || b.Boost != 0
	if paren {
		sb.WriteByte('(')
	}
	op := " AND "
	if len(b.Should) > 0 {
		op = " OR "
	}
	first := true
	write := func(mark string, list []Node) {
		for _, c := range list {
			if !first {
				sb.WriteString(op)
			}
			first = false
			sb.WriteString(mark)
			format(sb, c, true)
		}
	}
	if len(b.Should) > 0 {
		write("", b.Should)
		write("+", b.Must)
	} else {
		write("", b.Must)
	}
	write("-", b.MustNot)
	if first {
		// An empty Bool matches nothing; no query says that, and Parse
		// never builds one.
		sb.WriteString("()")
	}
	if paren {
		sb.WriteByte(')')
	}
	writeBoost(sb, b.Boost)
}

func writeField(sb *strings.Builder, field string) {
	if field != "" {
		sb.WriteString(field + ":")
	}
}

func writeBoost(sb *strings.Builder, b float64) {
	if b != 0 {
		sb.WriteString("^" + formatBoost(b))
	}
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return "*"
	}
	return t.UTC().Format(time.DateOnly)
}

// writeWord escapes what the lexer would otherwise read as syntax. It
// escapes a little more than strictly needed (every colon, * and ?), which
// is always safe.
func writeWord(sb *strings.Builder, text string) {
	switch text {
	case "AND", "OR", "NOT":
		sb.WriteByte('\\')
	}
	for i, r := range text {
		if needsEscape(text, i, r) {
			sb.WriteByte('\\')
		}
		sb.WriteRune(r)
	}
}

// writePattern writes a Wildcard pattern: its escapes and its * and ? as
// they are, every other character as in a word.
func writePattern(sb *strings.Builder, pat string) {
	for i := 0; i < len(pat); {
		r, n := utf8.DecodeRuneInString(pat[i:])
		switch {
		case r == '\\' && i+n < len(pat):
			_, m := utf8.DecodeRuneInString(pat[i+n:])
			sb.WriteString(pat[i : i+n+m])
			i += n + m
			continue
		case r == '*' || r == '?':
		case needsEscape(pat, i, r):
			sb.WriteByte('\\')
		}
		sb.WriteRune(r)
		i += n
	}
}

func needsEscape(s string, i int, r rune) bool {
	switch r {
	case '\\', ':', '*', '?', '(', ')', '[', ']', '{', '}', '^', '~':
		return true
	case '&', '|':
		return i+1 < len(s) && s[i+1] == s[i]
	case '+', '-', '!', '/', '<', '>':
		return i == 0
	}
	return unicode.IsSpace(r) || isQuote(r)
}
