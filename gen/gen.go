package gen

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"

	"github.com/dipgraph/dipgraph/schema"
)

// Options configure a Generator.
type Options struct {
	// Seed selects the corpus; the same seed gives the same bytes.
	Seed uint64
	// Expected adds each article's inserted facts to its JSON line.
	Expected bool
}

// Generator makes articles. It is read-only after New and safe for concurrent
// use.
type Generator struct {
	seed     uint64
	expected bool
	lx       *lexicon
	t        *templates
}

// New prepares a generator from a schema (normally schema.Default()).
func New(s *schema.Schema, opts Options) (*Generator, error) {
	t, err := loadTemplates()
	if err != nil {
		return nil, err
	}
	lx, err := newLexicon(s, t)
	if err != nil {
		return nil, err
	}
	g := &Generator{seed: opts.Seed, expected: opts.Expected, lx: lx, t: t}
	g.buildPools()
	if err := g.check(); err != nil {
		return nil, err
	}
	return g, nil
}

// Article is one generated document, in the JSON Lines shape `dipgraph
// extract` reads.
type Article struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Date     string    `json:"date"`
	Text     string    `json:"text"`
	Source   string    `json:"source"`
	Lang     string    `json:"lang"`
	Expected *Expected `json:"expected,omitempty"`
}

// Expected lists the facts an article was built with.
type Expected struct {
	Entities  []ExpectedEntity   `json:"entities"`
	Relations []ExpectedRelation `json:"relations"`
}

// ExpectedEntity is an entity named in the text: ID is the gazetteer id, or a
// "gen:" key for generated people, venues and treaties; Name is the first
// Arabic spelling used and Aliases every spelling used.
type ExpectedEntity struct {
	ID      string   `json:"id"`
	Type    string   `json:"type"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
}

// ExpectedRelation is a fact put into the text. From and To are entity IDs
// (To of ATTENDED is an event key "gen:event:<doc>:<n>"); Trigger is the
// language-pack rule and phrase that states it; Modality is "planned" for
// announced, not yet held, meetings.
type ExpectedRelation struct {
	Type     string `json:"type"`
	From     string `json:"from"`
	To       string `json:"to"`
	Date     string `json:"date,omitempty"`
	Venue    string `json:"venue,omitempty"`
	Modality string `json:"modality,omitempty"`
	Rule     string `json:"rule"`
	Trigger  string `json:"trigger"`
}

// Article returns article i of the corpus; it depends only on the seed and i.
func (g *Generator) Article(i int) Article {
	return g.compose(i)
}

// Write writes articles 0..n-1 as JSON Lines.
func (g *Generator) Write(ctx context.Context, w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range n {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := enc.Encode(g.Article(i)); err != nil {
			return fmt.Errorf("write article %d: %w", i, err)
		}
	}
	return bw.Flush()
}

// rng draws the random choices of one article or pool.
type rng struct{ *rand.Rand }

func newRNG(seed, stream uint64) *rng {
	return &rng{rand.New(rand.NewPCG(seed, stream))}
}

func (r *rng) pick(l []string) string { return l[r.IntN(len(l))] }

// pickFirst favours the first item (the usual spelling) but draws every item.
func (r *rng) pickFirst(l []string) string {
	if r.IntN(2) == 0 {
		return l[0]
	}
	return r.pick(l)
}

func (r *rng) chance(p float64) bool { return r.Float64() < p }

// phrase picks a trigger and one of its phrases, favouring the first.
func (r *rng) phrase(ts []trigger) (trigger, string) {
	t := ts[r.IntN(len(ts))]
	return t, r.pickFirst(t.Phrases)
}

// check composes a sample of articles so that a broken template fails New
// instead of a run.
func (g *Generator) check() (err error) {
	defer func() {
		if v := recover(); v != nil {
			te, ok := v.(templateError)
			if !ok {
				panic(v)
			}
			err = te.err
		}
	}()
	for i := range 256 {
		g.compose(i)
	}
	return nil
}
