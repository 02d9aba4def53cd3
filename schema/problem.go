package schema

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong in a schema file, with its position.
type Problem struct {
	// File is the file's path as given to Load (or inside the file system).
	File string
	// Line and Column are 1-based; 0 when unknown (Column is unknown for some
	// YAML syntax errors, both for problems of a whole file).
	Line, Column int
	// Path is the field path inside the file, like gazetteer[12].offices[0].start;
	// empty for problems of the whole file.
	Path string
	// Message says what is wrong.
	Message string
}

// String formats p as file:line:col: field.path: message.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Column > 0 {
			fmt.Fprintf(&b, ":%d", p.Column)
		}
	}
	b.WriteString(": ")
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Problems is the error Load returns for an invalid schema: every problem found,
// sorted by file, line and column. It wraps ErrInvalid; get the list with
// errors.As.
type Problems []Problem

// Error joins the problems, one a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns ErrInvalid, so errors.Is(err, ErrInvalid) holds.
func (ps Problems) Unwrap() error { return ErrInvalid }

// sortProblems orders problems by file, line, column, path and message, and
// drops exact duplicates.
func sortProblems(ps Problems) Problems {
	slices.SortFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column), cmp.Compare(a.Path, b.Path), cmp.Compare(a.Message, b.Message))
	})
	return slices.Compact(ps)
}
