package export

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Value types, as neo4j-admin import names them; a list type ends in "[]".
const (
	tString  = "string"
	tLong    = "long"
	tDouble  = "double"
	tBoolean = "boolean"
)

// typeOf returns the import type of v ("" for null, or an empty list whose
// items say nothing).
func typeOf(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		return tString, nil
	case int64, int:
		return tLong, nil
	case float64:
		return tDouble, nil
	case bool:
		return tBoolean, nil
	case []any:
		t := ""
		for _, e := range x {
			et, err := typeOf(e)
			if err != nil {
				return "", err
			}
			if strings.HasSuffix(et, "[]") {
				return "", fmt.Errorf("%w: a list of lists", ErrValue)
			}
			t = mergeType(t, et)
		}
		if t == "" {
			return "", nil
		}
		return t + "[]", nil
	case []string:
		return tString + "[]", nil
	case dbtype.Date, dbtype.LocalDateTime, dbtype.LocalTime, dbtype.Time, dbtype.Duration, time.Time:
		return tString, nil
	}
	return "", fmt.Errorf("%w: %T", ErrValue, v)
}

// mergeType is the type of a column holding values of types a and b: the
// same, double for long and double, else string (lists alike).
func mergeType(a, b string) string {
	switch {
	case a == "" || a == b:
		return b
	case b == "":
		return a
	}
	la, lb := strings.HasSuffix(a, "[]"), strings.HasSuffix(b, "[]")
	if la != lb {
		return tString
	}
	ea, eb := strings.TrimSuffix(a, "[]"), strings.TrimSuffix(b, "[]")
	t := tString
	if (ea == tLong || ea == tDouble) && (eb == tLong || eb == tDouble) {
		t = tDouble
	}
	if la {
		return t + "[]"
	}
	return t
}

// scalarText is a non-list value as text: numbers in full, dates in ISO.
func scalarText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return strconv.FormatFloat(x, 'g', -1, 64)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// items returns a list value's items as text.
func items(v any) []string {
	switch x := v.(type) {
	case []any:
		out := make([]string, len(x))
		for i, e := range x {
			out[i] = scalarText(e)
		}
		return out
	case []string:
		return x
	}
	return nil
}

// columns tracks the columns of one table: their types, in first-seen order.
type columns struct {
	order []string
	types map[string]string
}

func (c *columns) add(props map[string]any) error {
	if c.types == nil {
		c.types = map[string]string{}
	}
	for k, v := range props {
		t, err := typeOf(v)
		if err != nil {
			return fmt.Errorf("property %s: %w", k, err)
		}
		old, seen := c.types[k]
		if !seen {
			c.order = append(c.order, k)
		}
		c.types[k] = mergeType(old, t)
	}
	return nil
}

// sorted returns the column names, first the given ones that exist, then the
// others sorted.
func (c *columns) sorted(first ...string) []string {
	var out []string
	for _, f := range first {
		if _, ok := c.types[f]; ok {
			out = append(out, f)
		}
	}
	var rest []string
	for _, k := range c.order {
		if !slices.Contains(first, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// typeFor is a column's final type, string for one only ever null.
func (c *columns) typeFor(k string) string {
	if t := c.types[k]; t != "" {
		return t
	}
	return tString
}

func sortKeys(k []string) { slices.Sort(k) }
