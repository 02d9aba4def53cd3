package extract

// familyFirst reports a name of three words or more with no link between
// them, where names are capitalised, whose first word stands alone at token
// j, no capitalised word after it: written family name first (Lee Hsien
// Loong), a later title with its first word (PM Lee also …) names that
// person, where a title before a longer name (Minister Muhammad Aqil Irham)
// does not.
func (r *run) familyFirst(m mention, j int) bool {
	if !r.x.lang.Capitalised || m.end-m.start < 3 || j+1 >= len(r.toks) || r.toks[j+1].Word && r.capital(j+1) {
		return false
	}
	for k := m.start; k < m.end; k++ {
		if !r.toks[k].Word || !r.capital(k) || r.tokIn(k, wNameLink) || r.tokIn(k, wParticle) {
			return false
		}
	}
	return true
}
