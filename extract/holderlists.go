package extract

import "github.com/dipgraph/dipgraph/schema"

// holderLists reads the names listed after a plural title or a word that
// announces a list of holders ("Cabinet secretaries X and Y", "the foreign
// ministers – respectively, X, Y and Z"): each item of two to four plain
// words is a person. Dashes, commas and further leads may stand between the
// lead and the list. The list must hold two names at least (a plural title
// names several holders); a person read already counts as an item, anything
// else ends the list.
func (r *run) holderLists() {
	if len(r.x.lang.Words[listPurpose[wHolderList]]) == 0 {
		return
	}
	for i := 0; i < len(r.toks); i++ {
		h, ok := r.wordAt(i, wHolderList)
		if !ok {
			continue
		}
		j := h.end
		for j < len(r.toks) {
			if hh, ok := r.wordAt(j, wHolderList); ok {
				j = hh.end
			} else if !r.toks[j].Word && (bullet(r.toks[j].S) || r.toks[j].S == ",") {
				j++
			} else {
				break
			}
		}
		r.holderItems(j)
		i = h.end - 1
	}
}

// holderItems reads the list of names from token j, joined by the pack's
// list separators, and adds the names not read yet when two items at least
// make the list.
func (r *run) holderItems(j int) {
	type item struct{ s, e int }
	var items []item
	n := 0
	for j < len(r.toks) {
		if m, ok := r.mentionAt(j); ok {
			if r.ments[m].typ != schema.Person {
				break
			}
			n++
			j = r.ments[m].end
		} else {
			if r.kinds[j]&(1<<kTitle) != 0 || r.taken[j] {
				break
			}
			e := r.nameAt(j)
			if e < j+2 || e > j+4 || r.anyTaken(j, e) || !r.foreignName(j, e) {
				break
			}
			items = append(items, item{j, e})
			n++
			j = e
		}
		k := j
		for k < len(r.toks) {
			if p := r.sepPhrase(k); p > k {
				k = p
			} else if r.tokIn(k, wSeparator) || !r.toks[k].Word && r.toks[k].S == "," {
				k++
			} else {
				break
			}
		}
		if k == j {
			break
		}
		j = k
	}
	if n < 2 {
		return
	}
	for _, it := range items {
		sp := r.span(it.s, it.e, 0)
		a := r.entity(r.newKey("person", it.s, it.e, 0), schema.Person, sp.Text, nil)
		a.Properties["provisional"] = true
		r.addMention(a, it.s, it.e, 0, false, mention{})
	}
}
