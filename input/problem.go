package input

import (
	"strconv"
	"strings"
)

// Problem is why one document (a file or a JSON line) could not be read. It
// wraps ErrInvalid.
type Problem struct {
	// Source is the file's path as given, or "stdin".
	Source string
	// Line is the 1-based line number, 0 when the problem concerns the whole
	// file.
	Line int
	// Field is the JSON field at fault, empty when none.
	Field string
	// Msg says what is wrong.
	Msg string
	// Err is an error the problem wraps besides ErrInvalid (ErrTooLarge, the
	// os error of a path that cannot be read), or nil.
	Err error
}

// Error formats the problem as "source:line: field: message", leaving out the
// line and field when they are not known.
func (p *Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.location())
	b.WriteString(": ")
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Unwrap returns ErrInvalid and Err, so errors.Is(err, ErrInvalid) holds for
// every problem.
func (p *Problem) Unwrap() []error {
	if p.Err != nil {
		return []error{ErrInvalid, p.Err}
	}
	return []error{ErrInvalid}
}

// location is "source:line", or "source" when the line is not known.
func (p *Problem) location() string {
	if p.Line > 0 {
		return p.Source + ":" + strconv.Itoa(p.Line)
	}
	return p.Source
}
