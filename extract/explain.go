package extract

import (
	"fmt"
	"io"
	"strings"

	"github.com/dipgraph/dipgraph/document"
)

// Explain extracts doc as Extract does and writes to w how the frames read
// each sentence that has a trigger: its clauses, the lists of participants
// each trigger or marker governs, and what every frame reading filled and
// stated, and what the learned scorers weighed (each candidate they
// decide, with its probability). It is for whoever writes a language pack:
// why did this sentence give this fact, or none?
func (x *Extractor) Explain(doc document.Document, w io.Writer) Result {
	if doc.Lang == "" {
		doc.Lang = x.lang.Code
	}
	b := x.buffers.get()
	defer x.buffers.put(b)
	r := newRun(x, doc, b)
	r.trace = w
	r.entities()
	r.frames()
	r.learned()
	res := r.result()
	r.release()
	return res
}

// tracef writes a line of the explanation, when one is asked for.
func (r *run) tracef(format string, args ...any) {
	if r.trace != nil {
		fmt.Fprintf(r.trace, format+"\n", args...)
	}
}

// traceSentence writes the structure of a sentence with triggers.
func (r *run) traceSentence(sf *sentenceFrame) {
	if r.trace == nil || len(sf.trigs) == 0 {
		return
	}
	s := r.sents[sf.si]
	r.tracef("\n#%d %s", sf.si, r.textOf(s.from, s.to))
	for ti, t := range sf.trigs {
		var names []string
		for _, fi := range t.frames {
			names = append(names, r.x.frames[fi].ID)
		}
		flags := ""
		if t.planned {
			flags += " planned"
		}
		if t.def {
			flags += " definite"
		}
		r.tracef("  trigger %d %q (%s%s, clause %d): %s", ti, r.span(t.start, t.end, 0).Text, t.form, flags, t.seg, strings.Join(names, ", "))
	}
	for k, sg := range sf.segs {
		for _, g := range sg.groups {
			var ids []string
			for _, ii := range g.items {
				it := sg.items[ii]
				if it.ref != "" {
					ids = append(ids, "<"+it.ref+">")
				} else {
					ids = append(ids, it.id)
				}
			}
			gov := "ungoverned"
			switch {
			case g.gov >= 0 && g.pre:
				gov = fmt.Sprintf("subject of trigger %d", g.gov)
			case g.gov >= 0 && g.via >= 0:
				gov = fmt.Sprintf("trigger %d via %s %q", g.gov, listPurpose[sg.marks[g.via].l], r.span(sg.marks[g.via].start, sg.marks[g.via].end, 0).Text)
			case g.gov >= 0:
				gov = fmt.Sprintf("trigger %d", g.gov)
			}
			if g.opaque {
				gov += " (opaque)"
			}
			if g.prep {
				gov += " (prepositional)"
			}
			r.tracef("  clause %d: [%s] %s", k, strings.Join(ids, " + "), gov)
		}
	}
}

// traceReading writes what a frame reading filled and whether it stated.
func (r *run) traceReading(in *inst, outcome string) {
	if r.trace == nil {
		return
	}
	var parts []string
	for k, s := range in.f.slots {
		if len(in.fills) > k && len(in.fills[k]) > 0 {
			parts = append(parts, s.name+"="+strings.Join(in.fills[k], ","))
		}
	}
	r.tracef("  %s at trigger %d: %s {%s}", in.f.ID, in.ti, outcome, strings.Join(parts, " "))
}
