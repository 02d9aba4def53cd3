package extract

import (
	"slices"
)

// sentence is a run of tokens [start, end) ended by . ! ? or a newline.
type sentence struct {
	start, end int
	// from, to are the original rune offsets of the sentence text.
	from, to int
}

// sentences splits the token stream. A full stop after a one-letter word (أ.
// د.) or between two digits (2.5) does not end a sentence.
func (r *run) sentences() {
	start := 0
	flush := func(end int) {
		if end > start && end-1 < len(r.toks) && r.toks[end-1].S == "\n" {
			end-- // the newline is no part of the evidence
			defer func() { start = end + 1 }()
		}
		for start < end && !r.toks[start].Word && r.toks[start].S == "\n" {
			start++
		}
		if start < end {
			sp := r.span(start, end, 0)
			r.sents = append(r.sents, sentence{start: start, end: end, from: sp.Start, to: sp.End})
		}
		start = end
	}
	for i, t := range r.toks {
		if t.Word {
			continue
		}
		switch t.S {
		case "\n":
			// A line broken inside a list: "… ووانغ يي\nوخه ليفونغ …".
			if i > 0 && i+1 < len(r.toks) && r.toks[i-1].Word && r.toks[i+1].Word &&
				r.x.prefixedBy(r.toks[i+1].S, wConjunction) {
				continue
			}
		case "!", "?":
		case ".":
			if i > 0 && r.toks[i-1].Word && len([]rune(r.toks[i-1].S)) == 1 && r.toks[i-1].End == t.Start {
				continue
			}
			if r.abbrevStop(i) {
				continue // Mr. X
			}
			if i > 0 && i+1 < len(r.toks) && r.toks[i-1].End == t.Start && r.toks[i+1].Start == t.End &&
				isDigits(r.toks[i-1].S) && isDigits(r.toks[i+1].S) {
				continue
			}
		default:
			continue
		}
		flush(i + 1)
	}
	flush(len(r.toks))
}

// abbrevStop reports a full stop at token i written right after a word of
// the pack's abbreviations (Mr., Dr.).
func (r *run) abbrevStop(i int) bool {
	return i > 0 && i < len(r.toks) && !r.toks[i].Word && r.toks[i].S == "." && r.toks[i-1].Word &&
		r.toks[i-1].End == r.toks[i].Start && slices.Contains(r.x.lists[wAbbrev], r.toks[i-1].S)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// sentenceOf returns the index of the sentence holding token i.
func (r *run) sentenceOf(i int) int {
	lo, hi := 0, len(r.sents)-1
	for lo <= hi {
		m := (lo + hi) / 2
		switch {
		case i < r.sents[m].start:
			hi = m - 1
		case i >= r.sents[m].end:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// evidence returns the text of sentence si as a Span.
func (r *run) evidence(si int) Span {
	s := r.sents[si]
	return Span{Start: s.from, End: s.to, Text: r.textOf(s.from, s.to)}
}

// sentenceDate returns the first date written in sentence si, else the
// document date.
func (r *run) sentenceDate(si int) string {
	d, _ := r.datedSentence(si)
	return d
}

// datedSentence is sentenceDate that also reports whether the sentence wrote
// the date itself.
func (r *run) datedSentence(si int) (string, bool) {
	s := r.sents[si]
	found := ""
	for _, d := range r.dates {
		if d.start >= s.from && d.start < s.to && d.date != "" && (r.date == "" || cmpISO(d.date, r.date) <= 0) {
			// a date after the document's ("حتى عام 2030") dates no past event
			if found != "" {
				return d.date, true // the day of the event after the page's date line
			}
			if si > 0 || d.date != r.date || d.start > s.from+datelineRunes {
				return d.date, true
			}
			found = d.date
		}
	}
	if found != "" {
		return found, true
	}
	return r.date, false
}

// datelineRunes bounds, in runes from the start of the text, the date line
// or dateline of a page: a date there is the page's, and a later date of
// the same sentence ("TUNIS, March 31 - X received on Saturday night Y") is
// the event's.
const datelineRunes = 40
