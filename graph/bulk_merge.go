package graph

import (
	"encoding/binary"
	"errors"
	"fmt"
	"iter"
	"math"
	"slices"
)

// The entity and fact rows of a bulk import's plans go to spills as they
// come, a record per row with what the merge reads of it; Close merges the
// records of each key in the order they came, as mergeNode and mergeFact of
// the online writer's plans do, and writes one CSV row per key.

// bulkRunSize is the bytes of entity or fact records a Bulk keeps in memory
// before it sorts them into a run file.
const bulkRunSize = 8 << 20

// stated is a derived property a row states: its value and rank.
type stated struct {
	name string
	v    any
	rank string
}

// appendStated encodes the derived properties of a plan row (props, by).
func appendStated(b []byte, row map[string]any) ([]byte, error) {
	props, by := row["props"].(map[string]any), row["by"].(map[string]any)
	b = binary.AppendUvarint(b, uint64(len(props)))
	for k, v := range props {
		var err error
		b = appendString(b, k)
		if b, err = appendValue(b, v); err != nil {
			return nil, fmt.Errorf("property %s: %w", k, err)
		}
		b = appendString(b, by[k].(string))
	}
	return b, nil
}

func (d *decoder) stated() []stated {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	out := make([]stated, 0, n)
	for range n {
		out = append(out, stated{d.string(), d.value(), d.string()})
	}
	return out
}

// offerStated sets the derived properties ds on props where their rank is
// not lower than the stored one, as offerDerived does.
func offerStated(props map[string]any, ds []stated) {
	for _, s := range ds {
		if cur, ok := props[SourceProp(s.name)].(string); !ok || s.rank >= cur {
			props[s.name], props[SourceProp(s.name)] = s.v, s.rank
		}
	}
}

// spillNode records an entity row of a plan.
func (b *Bulk) spillNode(label string, row map[string]any) error {
	key := row["key"].(string)
	p := appendString(b.scratch[:0], label)
	p = appendString(p, key)
	name, ok := row["name"].(string)
	p = appendBool(p, ok)
	p = appendString(p, name)
	aliases := strs(row["aliases"])
	p = binary.AppendUvarint(p, uint64(len(aliases)))
	for _, a := range aliases {
		p = appendString(p, a)
	}
	p, err := appendStated(p, row)
	if err != nil {
		return fmt.Errorf("%s %s: %w", label, key, err)
	}
	b.scratch = p
	return b.ents.add(eidKey(label, key), p)
}

// mergeNode returns the properties of an entity from its records, oldest
// first, merged as the writer's cypherNodes merges them; and its label.
func (b *Bulk) mergeNode(recs iter.Seq[[]byte]) (string, map[string]any, error) {
	var label string
	var props map[string]any
	var aliases []string
	for r := range recs {
		d := decoder{b: r}
		l, key := d.string(), d.string()
		hasName, name := d.bool(), d.string()
		var add []string
		if n := d.uvarint(); n <= uint64(len(d.b)) {
			for range n {
				add = append(add, d.string())
			}
		} else {
			d.fail()
		}
		ds := d.stated()
		if d.err != nil {
			return "", nil, d.err
		}
		if props == nil {
			nt, _ := b.s.Node(l)
			label, props = l, map[string]any{nt.Key: key}
		}
		offerStated(props, ds)
		if hasName {
			if old, ok := props["name"].(string); !ok || name < old {
				props["name"] = name
			}
		}
		aliases = union(aliases, add)
	}
	if props != nil {
		props["aliases"] = toAny(aliases)
	}
	return label, props, nil
}

// spillFact records a fact row of a plan, a the Evidence its batch adds.
func (b *Bulk) spillFact(typ string, row map[string]any, a added) error {
	key := row["key"].(string)
	p := appendString(b.scratch[:0], typ)
	for _, k := range []string{"fromLabel", "from", "toLabel", "to"} {
		p = appendString(p, row[k].(string))
	}
	p, err := appendValue(p, row["date"])
	if err == nil {
		p = binary.AppendVarint(p, a.n)
		p = binary.LittleEndian.AppendUint64(p, math.Float64bits(a.best))
		p, err = appendStated(p, row)
	}
	if err != nil {
		return fmt.Errorf("%s %s: %w", typ, key, err)
	}
	b.scratch = p
	return b.facts.add(key, p)
}

// mergedFact is a fact of Close: its type, ends and properties.
type mergedFact struct {
	typ, fromLabel, from, toLabel, to string
	props                             map[string]any
}

// mergeFact returns the fact of key from its records, oldest first, merged
// as the writer's cypherFacts merges them.
func (b *Bulk) mergeFact(key string, recs iter.Seq[[]byte]) (mergedFact, error) {
	var f mergedFact
	first := true
	for r := range recs {
		d := decoder{b: r}
		typ, fromLabel, from, toLabel, to := d.string(), d.string(), d.string(), d.string(), d.string()
		date := d.value()
		n, best := d.varint(), d.float()
		ds := d.stated()
		if d.err != nil {
			return f, d.err
		}
		if first {
			first = false
			f = mergedFact{typ: typ, fromLabel: fromLabel, from: from, toLabel: toLabel, to: to, props: map[string]any{"key": key}}
		}
		setProp(f.props, "date", date)
		support, _ := f.props["support"].(int64)
		conf, _ := f.props["confidence"].(float64)
		f.props["support"], f.props["confidence"] = support+n, max(conf, best)
		offerStated(f.props, ds)
	}
	return f, nil
}

// The encoding of spilled records: lengths and integers as varints, floats
// as their bits, a value as a tag then its bytes.

const (
	tagNil byte = iota
	tagString
	tagFalse
	tagTrue
	tagInt
	tagFloat
	tagList
)

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, tagTrue)
	}
	return append(b, tagFalse)
}

// appendValue encodes a property value: nil, string, bool, int64, float64
// or a list of them.
func appendValue(b []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return append(b, tagNil), nil
	case string:
		return appendString(append(b, tagString), x), nil
	case bool:
		return appendBool(b, x), nil
	case int64:
		return binary.AppendVarint(append(b, tagInt), x), nil
	case float64:
		return binary.LittleEndian.AppendUint64(append(b, tagFloat), math.Float64bits(x)), nil
	case []any:
		b = binary.AppendUvarint(append(b, tagList), uint64(len(x)))
		for _, e := range x {
			var err error
			if b, err = appendValue(b, e); err != nil {
				return nil, err
			}
		}
		return b, nil
	}
	return nil, fmt.Errorf("unsupported value of type %T", v)
}

// errSpill reports a spilled record that cannot be read back.
var errSpill = errors.New("bulk: corrupt temporary record")

// decoder reads a record; the first problem sets err and makes every later
// read return zero values.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errSpill
	}
	d.b = nil
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) float() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

func (d *decoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) tag() byte {
	if len(d.b) == 0 {
		d.fail()
		return tagNil
	}
	t := d.b[0]
	d.b = d.b[1:]
	return t
}

func (d *decoder) bool() bool { return d.tag() == tagTrue }

func (d *decoder) value() any {
	switch d.tag() {
	case tagNil:
		return nil
	case tagString:
		return d.string()
	case tagFalse:
		return false
	case tagTrue:
		return true
	case tagInt:
		return d.varint()
	case tagFloat:
		return d.float()
	case tagList:
		n := d.uvarint()
		if n > uint64(len(d.b)) {
			d.fail()
			return nil
		}
		l := make([]any, 0, n)
		for range n {
			l = append(l, d.value())
		}
		return slices.Clip(l)
	}
	d.fail()
	return nil
}
