package query

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// ErrSyntax is what every error from Parse unwraps to, so a caller can tell
// "the user typed something we cannot read" (answer 400) from its own faults
// with errors.Is(err, query.ErrSyntax).
var ErrSyntax = errors.New("query: syntax error")

// SyntaxError says where a query cannot be read and what was expected there.
type SyntaxError struct {
	// Pos is the byte offset in the query of the token the message is about.
	Pos int
	// Column is Pos as a 1-based count of runes (characters), which is what
	// a person counts and what a text box can select. It is len(runes)+1 when
	// the problem is the end of the query.
	Column int
	// Msg is lower case, without the position, e.g. `expected a term after AND`.
	Msg string
}

// Error gives "query: <msg> at column N".
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("query: %s at column %d", e.Msg, e.Column)
}

// Unwrap returns ErrSyntax.
func (e *SyntaxError) Unwrap() error { return ErrSyntax }

// errorAt builds a SyntaxError for the byte offset pos of q.
func errorAt(q string, pos int, format string, args ...any) *SyntaxError {
	return &SyntaxError{
		Pos:    pos,
		Column: utf8.RuneCountInString(q[:pos]) + 1,
		Msg:    fmt.Sprintf(format, args...),
	}
}
