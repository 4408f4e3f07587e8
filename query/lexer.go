package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is the kind of a token.
type kind uint8

const (
	kEOF        kind = iota
	kErr             // a lexing error; always the last token
	kWord            // detained, sok*, 10:30
	kPhrase          // "exact words", “curly”, «guillemets»
	kRegexp          // /pattern/
	kField           // title: (text is the field name)
	kAnd             // AND &&
	kOr              // OR ||
	kNot             // NOT !
	kPlus            // +
	kMinus           // -
	kLParen          // (
	kRParen          // )
	kRangeOpen       // [ or {
	kRangeClose      // ] or }
	kCmp             // > >= < <=
	kTilde           // ~ with an optional number
	kCaret           // ^ with an optional number
)

// token is one lexeme with its byte offset.
type token struct {
	kind kind
	pos  int
	// text is the word or phrase with escapes removed, the regexp pattern,
	// the field name, the comparison, the number after ~ or ^, or the
	// operator as typed (for messages: "expected a term after &&").
	text string
	// For words: pattern is text with \ kept before literal *, ? and \, so
	// a Wildcard can tell `\*` from `*`; wild says there is a * or ?; lead
	// counts the literal runes before the first one; escaped says a
	// backslash was used, which makes AND, TO and `*` plain words.
	pattern string
	wild    bool
	lead    int
	escaped bool
	// incl is true for [ and ], false for { and }.
	incl bool
	err  *SyntaxError
}

// maxRegexp bounds a /pattern/ so a query cannot ask for a huge automaton.
const maxRegexp = 200

// lex splits q into tokens, ending with kEOF or, at the first lexing error,
// kErr. Lexing everything first keeps the parser a plain loop over a slice;
// the parser reports its own errors for earlier tokens before it reaches a
// kErr, so the first problem in the text is the one reported.
func lex(q string) []token {
	l := lexer{q: q}
	var toks []token
	for {
		t := l.next()
		toks = append(toks, t)
		if t.kind == kEOF || t.kind == kErr {
			return toks
		}
	}
}

type lexer struct {
	q   string
	pos int
	// afterField makes the colons of the value after field: literal, so
	// source:http://x.org and title:10:30 read as one word.
	afterField bool
}

func (l *lexer) errTok(pos int, format string, args ...any) token {
	return token{kind: kErr, pos: pos, err: errorAt(l.q, pos, format, args...)}
}

// isQuote reports the phrase delimiters. Any of them opens a phrase and any
// closes it, so “…”, „…“, «…», »…« and "…" all work without tracking which
// language's pairing was meant. ’ and ‘ are apostrophes, not delimiters.
func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»':
		return true
	}
	return false
}

func (l *lexer) next() token {
	for l.pos < len(l.q) {
		r, n := utf8.DecodeRuneInString(l.q[l.pos:])
		if !unicode.IsSpace(r) {
			break
		}
		l.pos += n
	}
	afterField := l.afterField
	l.afterField = false
	start := l.pos
	if start == len(l.q) {
		return token{kind: kEOF, pos: start}
	}
	rest := l.q[start:]
	r, n := utf8.DecodeRuneInString(rest)
	single := func(k kind) token {
		l.pos += n
		return token{kind: k, pos: start, text: rest[:n], incl: r == '[' || r == ']'}
	}
	switch {
	case r == '(':
		return single(kLParen)
	case r == ')':
		return single(kRParen)
	case r == '[' || r == '{':
		return single(kRangeOpen)
	case r == ']' || r == '}':
		return single(kRangeClose)
	case (r == '+' || r == '-' || r == '!') && standsAlone(rest[n:]):
		// A sign with a space after it is punctuation in pasted text
		// ("the group - which includes"), never an operator on the next
		// word.
		return l.word(start, afterField)
	case r == '+':
		return single(kPlus)
	case r == '-':
		return single(kMinus)
	case r == '!':
		return single(kNot)
	case r == '^' || r == '~':
		l.pos++
		end := l.pos
		for end < len(l.q) && (l.q[end] >= '0' && l.q[end] <= '9' || l.q[end] == '.') {
			end++
		}
		k := kCaret
		if r == '~' {
			k = kTilde
		}
		t := token{kind: k, pos: start, text: l.q[l.pos:end]}
		l.pos = end
		return t
	case r == '<' || r == '>':
		l.pos++
		if l.pos < len(l.q) && l.q[l.pos] == '=' {
			l.pos++
		}
		return token{kind: kCmp, pos: start, text: l.q[start:l.pos]}
	case strings.HasPrefix(rest, "&&"):
		l.pos += 2
		return token{kind: kAnd, pos: start, text: "&&"}
	case strings.HasPrefix(rest, "||"):
		l.pos += 2
		return token{kind: kOr, pos: start, text: "||"}
	case isQuote(r):
		return l.phrase(start, n)
	case r == '/':
		return l.regexp(start)
	}
	return l.word(start, afterField)
}

// endsWord reports whether the rune r at the start of s ends a word. Other
// special characters (+ - ! / [ { < >) are special only at the start of a
// token, so well-known, and/or and a<b stay words.
func endsWord(s string, r rune) bool {
	switch r {
	case '(', ')', ']', '}', '^', '~':
		return true
	case '&', '|':
		return len(s) > 1 && s[1] == s[0]
	}
	return unicode.IsSpace(r) || isQuote(r)
}

// standsAlone reports whether rest, the text after a sign, starts with white
// space or is empty.
func standsAlone(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || unicode.IsSpace(r)
}

// endsSentence reports whether rest, the text after a ? in a word, is only
// sentence punctuation up to the end of the word: then the ? is a question
// mark ("a crime?", "why?!"), as in every pasted question, not a wildcard
// for one more letter. A ? inside a word (te?m) stays a wildcard.
func endsSentence(rest string) bool {
	for i, r := range rest {
		if endsWord(rest[i:], r) {
			return true
		}
		if !strings.ContainsRune("?!.,;:", r) {
			return false
		}
	}
	return true
}

func (l *lexer) word(start int, afterField bool) token {
	var text, pat strings.Builder
	t := token{kind: kWord, pos: start}
	runes := 0
	i := start
	for i < len(l.q) {
		r, n := utf8.DecodeRuneInString(l.q[i:])
		if r == '\\' {
			if i+n >= len(l.q) {
				return l.errTok(i, `"\" must be followed by the character it escapes`)
			}
			_, m := utf8.DecodeRuneInString(l.q[i+n:])
			c := l.q[i+n : i+n+m]
			text.WriteString(c)
			if c == "*" || c == "?" || c == `\` {
				pat.WriteByte('\\')
			}
			pat.WriteString(c)
			t.escaped = true
			runes++
			i += n + m
			continue
		}
		if endsWord(l.q[i:], r) {
			break
		}
		if r == ':' && !afterField && !t.escaped && !t.wild {
			if tok, ok := l.field(start, i); ok {
				return tok
			}
		}
		if (r == '*' || r == '?' && !endsSentence(l.q[i+n:])) && !t.wild {
			t.wild, t.lead = true, runes
		}
		text.WriteString(l.q[i : i+n])
		pat.WriteString(l.q[i : i+n])
		runes++
		i += n
	}
	if i == start {
		// Unreachable: every rune that ends a word starts a token in next.
		// Guarded so a future change cannot make lex loop forever.
		return l.errTok(start, "unexpected %q", l.q[start:start+1])
	}
	l.pos = i
	t.text, t.pattern = text.String(), pat.String()
	if !t.escaped {
		switch t.text {
		case "AND":
			t.kind = kAnd
		case "OR":
			t.kind = kOr
		case "NOT":
			t.kind = kNot
		}
	}
	return t
}

// field decides what the colon at colon means in the word starting at start.
// A known field name before it makes a field prefix. An unknown name that
// looks like one (countries:kh, schema:Person, as Aleph users type) is an
// error listing the known fields, rather than a silent search for the
// literal text. The colon stays part of the word after anything else (10:30),
// before a space (a pasted "Cambodia: arrests") and in URLs (https://).
func (l *lexer) field(start, colon int) (token, bool) {
	name := l.q[start:colon]
	if !isIdent(name) {
		return token{}, false
	}
	if knownField(name) {
		l.pos = colon + 1
		l.afterField = true
		return token{kind: kField, pos: start, text: name}, true
	}
	after := l.q[colon+1:]
	if after == "" || strings.HasPrefix(after, "//") {
		return token{}, false
	}
	if r, _ := utf8.DecodeRuneInString(after); unicode.IsSpace(r) {
		return token{}, false
	}
	return l.errTok(start, "unknown field %q (fields: %s)", name, fieldList()), true
}

// isIdent matches what could be meant as a field name: an ASCII letter or _,
// then letters, digits, _ and dots (Elasticsearch's properties.name).
func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case i > 0 && (c >= '0' && c <= '9' || c == '.'):
		default:
			return false
		}
	}
	return true
}

// phrase scans from an opening quote to the next quote of any kind. A
// backslash escapes the next character. Runs of white space become one
// space: they never change what a phrase matches, and it keeps Format stable.
func (l *lexer) phrase(start, n int) token {
	var b strings.Builder
	for i := start + n; i < len(l.q); {
		r, m := utf8.DecodeRuneInString(l.q[i:])
		if r == '\\' && i+m < len(l.q) {
			_, m2 := utf8.DecodeRuneInString(l.q[i+m:])
			b.WriteString(l.q[i+m : i+m+m2])
			i += m + m2
			continue
		}
		if isQuote(r) {
			l.pos = i + m
			text := strings.Join(strings.Fields(b.String()), " ")
			if text == "" {
				return l.errTok(start, "empty phrase")
			}
			return token{kind: kPhrase, pos: start, text: text}
		}
		b.WriteString(l.q[i : i+m])
		i += m
	}
	return l.errTok(start, "missing closing quote for the phrase")
}

// regexp scans /pattern/. `\/` is a slash inside the pattern; any other
// escape is kept for the regexp engine. Byte-wise scanning is safe because
// '/' and '\' never occur inside a multi-byte UTF-8 sequence.
func (l *lexer) regexp(start int) token {
	var b strings.Builder
	for i := start + 1; i < len(l.q); {
		switch c := l.q[i]; {
		case c == '\\' && i+1 < len(l.q):
			if l.q[i+1] != '/' {
				b.WriteByte('\\')
			}
			b.WriteByte(l.q[i+1])
			i += 2
		case c == '/':
			l.pos = i + 1
			switch {
			case b.Len() == 0:
				return l.errTok(start, "empty regular expression")
			case b.Len() > maxRegexp:
				return l.errTok(start, "regular expression longer than %d bytes", maxRegexp)
			}
			return token{kind: kRegexp, pos: start, text: b.String()}
		default:
			b.WriteByte(c)
			i++
		}
	}
	return l.errTok(start, `missing closing "/" for the regular expression`)
}
