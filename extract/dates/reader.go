package dates

import (
	"sort"
	"sync"
	"unicode"

	"github.com/dipgraph/dipgraph/norm"
	"github.com/dipgraph/dipgraph/schema"
)

// Reader finds dates in text with one language's compiled date words. It is
// safe for concurrent use.
type Reader struct {
	dict *dict
	// texts keeps the Texts of finished FindFolded and DocumentDateFolded
	// calls (*Text) for the next ones.
	texts sync.Pool
}

// Option configures New.
type Option func(*options)

type options struct {
	words map[string][]string
}

// WithWords adds the extra word lists a language pack's words section may hold
// under the keys WordsPast, WordsNext and WordsMonthNoun; other keys are
// ignored.
func WithWords(words map[string][]string) Option {
	return func(o *options) { o.words = words }
}

// New compiles w (folded with norm.Fold) into a Reader.
func New(w schema.DateWords, opts ...Option) *Reader {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	return &Reader{dict: compile(w, o.words)}
}

// Span is a piece of text; Start and End are rune offsets into the text given,
// End exclusive, and Text is that piece.
type Span struct {
	Start, End int
	Text       string
}

// Found is one date expression in a text.
type Found struct {
	Date Date
	// Start and End are rune offsets into the text, End exclusive.
	Start, End int
	// Relative is true when the date was resolved against the reference date
	// (اليوم، أمس الجمعة، يوم الأحد, or a day and month without a year).
	Relative bool
}

// maxAhead is how far after the reference date a day and month without a
// year may fall before it is taken to be in the previous year.
const maxAhead = 62

// documentLines is how many non-empty lines at the top of a text
// DocumentDate reads.
const documentLines = 5

// Find returns every date expression in text, in order and without overlaps.
// Relative expressions are resolved against ref, the document date, and left
// out when ref is not a full date.
func (r *Reader) Find(text string, ref Date) []Found {
	return r.FindFolded(norm.New(text), []rune(text), ref)
}

// FindFolded is Find on a text already folded: nt is norm.New of the text and
// orig its runes. Neither is changed, so one folding can serve every reader.
func (r *Reader) FindFolded(nt *norm.Text, orig []rune, ref Date) []Found {
	t := r.text(nt, orig)
	defer r.release(t)
	return t.Find(ref)
}

// text returns a Text of nt, from the pool when it holds one; the caller
// puts it back when done.
func (r *Reader) text(nt *norm.Text, orig []rune) *Text {
	t, ok := r.texts.Get().(*Text)
	if !ok {
		t = &Text{}
	}
	t.Reset(r, nt, orig)
	return t
}

// release puts t back in the pool, holding no text.
func (r *Reader) release(t *Text) {
	t.Reset(nil, nil, nil)
	r.texts.Put(t)
}

// Text is a folded text read for dates by one Reader. DocumentDate and Find
// on the same Text scan its tokens once between them: DocumentDate as far
// as the top lines it reads, Find on to the end. A Text is not safe for
// concurrent use.
type Text struct {
	r    *Reader
	nt   *norm.Text
	orig []rune
	toks []token
	i, b int // rune and byte offset the tokens have been scanned to
}

// NewText returns the Text of nt, norm.New of a text, whose runes are orig.
// Neither is changed.
func (r *Reader) NewText(nt *norm.Text, orig []rune) *Text {
	t := &Text{}
	t.Reset(r, nt, orig)
	return t
}

// Reset makes t r.NewText(nt, orig), keeping the memory of its tokens.
func (t *Text) Reset(r *Reader, nt *norm.Text, orig []rune) {
	*t = Text{r: r, nt: nt, orig: orig, toks: t.toks[:0]}
}

// scanTo scans the tokens up to rune i, byte b, where no token goes on.
func (t *Text) scanTo(i, b int) {
	if i > t.i {
		t.toks = scanAppend(t.toks, t.nt.Folded[:i], t.nt.String()[:b], t.i, t.b, t.r.dict)
		t.i, t.b = i, b
	}
}

// tokensTo returns the tokens before rune i, where no token goes on,
// scanning them when they are not yet.
func (t *Text) tokensTo(i, b int) []token {
	t.scanTo(i, b)
	if t.i == i {
		return t.toks
	}
	n := sort.Search(len(t.toks), func(k int) bool { return int(t.toks[k].start) >= i })
	return t.toks[:n]
}

// Find is Reader.Find on the text.
func (t *Text) Find(ref Date) []Found {
	nt, orig := t.nt, t.orig
	str := nt.String()
	p := &parser{toks: t.tokensTo(len(nt.Folded), len(str)), s: str, dict: t.r.dict}
	var out []Found
	for i := 0; i < len(p.toks); {
		if t := &p.toks[i]; !t.num && t.group < 0 {
			i++ // no expression starts with a word that is not a date word
			continue
		}
		e, ok := p.parse(i)
		if !ok {
			i = max(i+1, e.skip)
			continue
		}
		if d, rel, ok := resolve(e, ref); ok {
			start, end := span(nt, orig, p.toks, e)
			out = append(out, Found{Date: d, Start: start, End: end, Relative: rel})
		}
		i = max(e.end, e.skip)
	}
	return out
}

// DocumentDate returns the publication date from the top of text: the first
// full date with an explicit year in the first five non-empty lines (a
// dateline such as "القاهرة في 16 مايو 2024" or "04 - 11 - 2025"), else the
// first month and year there. ok is false when there is none.
func (r *Reader) DocumentDate(text string) (Date, Span, bool) {
	return r.DocumentDateFolded(norm.New(text), []rune(text))
}

// DocumentDateFolded is DocumentDate on a text already folded: nt is norm.New
// of the text and orig its runes.
func (r *Reader) DocumentDateFolded(nt *norm.Text, orig []rune) (Date, Span, bool) {
	t := r.text(nt, orig)
	defer r.release(t)
	return t.DocumentDate()
}

// DocumentDate is Reader.DocumentDate on the text. It reads only the top
// lines, and of those only as many as it needs: first a short piece, then
// four times more, until it finds a full date or has read them all.
func (t *Text) DocumentDate() (Date, Span, bool) {
	nt, orig, r := t.nt, t.orig, t.r
	tp := top{rs: nt.Folded}
	s := nt.String()
	for size := firstPiece; ; size *= 4 {
		whole := tp.next(size)
		toks := t.tokensTo(tp.i, tp.b)
		// Expressions starting before limit read only tokens of this piece.
		limit := len(toks)
		if !whole {
			limit -= r.dict.reach
		}
		p := &parser{toks: toks, s: s[:tp.b], dict: r.dict}
		if d, sp, ok := r.documentDate(nt, orig, p, limit); ok && (d.Full() || whole) {
			return d, sp, true
		} else if whole {
			return Date{}, Span{}, false
		}
	}
}

// firstPiece is how many runes DocumentDateFolded reads first.
var firstPiece = 400 // about 80 tokens of Arabic news, more than reach

// top walks the first documentLines lines of folded runes that have anything
// but spaces, piece by piece.
type top struct {
	rs      []rune
	i, b    int // rune and byte offset of the end of the pieces so far
	lines   int // lines with content ended so far
	content bool
}

// next moves the end to the first space or newline at or after rune size, or
// to the end of the top lines (the newline after the last one, or the end of
// the text); it reports whether it reached the end of the top lines.
func (t *top) next(size int) bool {
	// The walk keeps its state in locals, written back when it stops.
	rs, i, b, lines, content := t.rs, t.i, t.b, t.lines, t.content
	end := true
	for ; i < len(rs); i++ {
		r := rs[i]
		if i >= size && (r == ' ' || r == '\n') {
			end = false
			break
		}
		if r == '\n' {
			if content {
				if lines++; lines == documentLines {
					break
				}
			}
			content = false
		} else if !content && !isSpace(r) { // a line with content needs no more tests
			content = true
		}
		b += runeLen(r)
	}
	t.i, t.b, t.lines, t.content = i, b, lines, content
	return end
}

// documentDate reads the expressions starting before token limit: the first
// full date with a year, else the first month and year.
func (r *Reader) documentDate(nt *norm.Text, orig []rune, p *parser, limit int) (Date, Span, bool) {
	toks := p.toks
	var month Found
	for i := 0; i < limit; {
		if t := &toks[i]; !t.num && t.group < 0 {
			i++
			continue
		}
		e, ok := p.parse(i)
		if !ok {
			i = max(i+1, e.skip)
			continue
		}
		if e.hasAbs && e.abs.Year != 0 && e.abs.Month != 0 {
			start, end := span(nt, orig, toks, e)
			f := Found{Date: e.abs, Start: start, End: end}
			if e.abs.Full() {
				return f.Date, spanOf(orig, f), true
			}
			if month.Date.IsZero() {
				month = f
			}
		}
		i = max(e.end, e.skip)
	}
	if month.Date.IsZero() {
		return Date{}, Span{}, false
	}
	return month.Date, spanOf(orig, month), true
}

func spanOf(rs []rune, f Found) Span {
	return Span{Start: f.Start, End: f.End, Text: string(rs[f.Start:f.End])}
}

// span maps an expression back to rune offsets in the original text rs; the
// end takes in the diacritics and tatweel folding dropped after the last word
// (غداً).
func span(nt *norm.Text, rs []rune, toks []token, e expr) (int, int) {
	start, end := nt.Span(int(toks[e.start].start), int(toks[e.end-1].end))
	for end < len(rs) && (unicode.Is(unicode.Mn, rs[end]) || rs[end] == '\u0640') {
		end++
	}
	return start, end
}

// resolve turns an expression into a date; rel reports that ref was used.
// Dates outside years 1..9999 are not reported.
func resolve(e expr, ref Date) (Date, bool, bool) {
	d, rel, ok := resolveDate(e, ref)
	if !ok || d.Year < 1 || d.Year > 9999 {
		return Date{}, false, false
	}
	return d, rel, true
}

func resolveDate(e expr, ref Date) (Date, bool, bool) {
	full := ref.Full()
	switch {
	case e.hasAbs && e.abs.Year != 0:
		return e.abs, false, true
	case e.hasAbs:
		// A day and month without a year: the year of ref, or the one before
		// when that puts the date well after ref.
		if ref.Year == 0 {
			return Date{}, false, false
		}
		d := e.abs
		d.Year = ref.Year
		if full && Valid(d.Year, d.Month, d.Day) && ref.AddDays(maxAhead).Compare(d) < 0 {
			d.Year--
		} else if !full && ref.Month != 0 && d.Month > ref.Month+2 {
			d.Year--
		}
		if !Valid(d.Year, d.Month, d.Day) {
			return Date{}, false, false
		}
		return d, true, true
	case e.monthNoun:
		if ref.Month == 0 {
			return Date{}, false, false
		}
		m := ref.Year*12 + ref.Month - 1 + e.shift
		return Date{Year: m / 12, Month: m%12 + 1}, true, true
	case e.yearNoun:
		if ref.Year == 0 {
			return Date{}, false, false
		}
		return Date{Year: ref.Year + e.shift}, true, true
	}
	if !full {
		return Date{}, false, false
	}
	if e.hasRel {
		base := ref.AddDays(e.rel)
		if e.weekday == 0 {
			return base, true, true
		}
		if e.rel > 0 {
			return nextWeekday(base, e.weekday, 0), true, true
		}
		return prevWeekday(base, e.weekday, 0), true, true
	}
	if e.weekday != 0 {
		switch e.shift {
		case -1:
			return prevWeekday(ref, e.weekday, 1), true, true
		case 1:
			return nextWeekday(ref, e.weekday, 1), true, true
		}
		return prevWeekday(ref, e.weekday, 0), true, true
	}
	return Date{}, false, false
}

// prevWeekday returns the latest day with ISO weekday wd at least skip days
// before d.
func prevWeekday(d Date, wd, skip int) Date {
	d = d.AddDays(-skip)
	return d.AddDays(-((d.Weekday() - wd + 7) % 7))
}

// nextWeekday returns the earliest day with ISO weekday wd at least skip days
// after d.
func nextWeekday(d Date, wd, skip int) Date {
	d = d.AddDays(skip)
	return d.AddDays((wd - d.Weekday() + 7) % 7)
}
