package extract

// dropUnpossessed removes the hits of treaty nouns the pack marks possessed
// (schema.TreatyNoun.Possessed) that stand anywhere but in capitals right
// after a plural possessive in capitals (the ASEAN Leaders’ Statement): a
// word such as statement names a document there and nowhere else (said in a
// statement). It keeps every other hit in its order.
func (r *run) dropUnpossessed(hits []hit) []hit {
	if !r.x.possessedNouns {
		return hits
	}
	out := hits[:0]
	for _, h := range hits {
		if h.kind == kTreaty && r.x.lang.TreatyNouns[h.ref].Possessed && !r.possessedAt(h.start) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// possessedAt reports a word in capitals at token i right after a plural
// possessive mark whose possessor is written in capitals.
func (r *run) possessedAt(i int) bool {
	return i >= 2 && r.toks[i].Word && r.capital(i) && r.pluralMark(i-1) && r.capital(i-2)
}

// pluralMark reports at token k the mark of a possessive of the pack
// (possessives) written alone after a plural whose word already ends with
// the ending's letters (the Leaders’ …), with no space before it and a
// space after it.
func (r *run) pluralMark(k int) bool {
	return k+1 < len(r.toks) && r.toks[k+1].Word && r.pluralPossessive(k)
}
