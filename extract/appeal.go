package extract

import "slices"

// appealAfter reports, for a frame that names appeal_marks in unless, a word
// of that list in the trigger's clause after the trigger, before any other
// trigger, with a word in small letters right after it: the persons the
// trigger governs are called on to act ("X called on Y to end the war",
// "called on G20 leaders, including Y, to adopt …"), which is no meeting.
func (r *run) appealAfter(in *inst) bool {
	if !slices.Contains(in.f.unless, wAppeal) {
		return false
	}
	t := in.trig()
	sg := in.sf.segs[t.seg]
	for k := t.end; k+1 < sg.end && k+1 < len(r.toks); k++ {
		if ti := r.trigAt(in.sf, k); ti >= 0 && ti != in.ti {
			return false
		}
		if r.toks[k].Word && r.tokIn(k, wAppeal) && r.toks[k+1].Word && !r.capital(k+1) {
			return true
		}
	}
	return false
}
