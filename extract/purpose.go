package extract

// purposeTitle reports, where names are capitalised, a purpose infinitive at
// token e right after a treaty noun in small letters starting at token i that
// names the document by its purpose (a declaration to combat invasive
// species): a mark of the pack's treaty_infinitives that opens no break of
// the pack (to boost, to enhance: the purpose of the signing), a verb in small
// letters after it that is no function word, article, link or trigger (the
// deal to the one), and a word of its object after the verb that ends no
// title (an agreement to ensure that …). The noun comes after a function word
// other than the article (a, an): with the article it is a document spoken of
// (the deal to offer …), with none the purpose of a signing told in a
// headline (Kenya and Ethiopia sign pact to end border conflict).
func (r *run) purposeTitle(i, e int) bool {
	if !r.x.lang.Capitalised || !r.tokIn(e, wTreatyInfinitive) || r.capital(i) {
		return false
	}
	if i == 0 || !r.tokIn(i-1, wFunction) || r.toks[i-1].S == r.x.article {
		return false // the deal to offer …, sign pact to end …: a document spoken of, a purpose
	}
	if _, ok := r.wordAt(e, wTreatyStop); ok {
		return false
	}
	v, o := e+1, e+2
	if o >= len(r.toks) || !r.toks[v].Word || !r.toks[o].Word || r.capital(v) {
		return false
	}
	if r.toks[v].S == r.x.article || r.tokIn(v, wFunction) || r.tokIn(v, wTreatyLink) || r.tokIn(v, wTreatyNotTitle) {
		return false
	}
	if _, trig := r.hitAt(v, kTrigger); trig {
		return false
	}
	return !r.tokIn(o, wTreatyNotTitle) && !r.tokIn(o, wTreatyStop)
}
