package extract

// occasionAhead reports a multilateral event named at m whose name a
// relative word and a modality word follow ("the APEC Leaders' Meeting that
// will take place … this week"): an occasion still to come, on whose
// sidelines no one has met yet, so that no one attends it by meeting there.
func (r *run) occasionAhead(m multiMention) bool {
	k := m.end
	if k >= len(r.toks) || !r.word(k, wRelative) {
		return false
	}
	_, ok := r.hitAt(k+1, kModality)
	return ok
}
