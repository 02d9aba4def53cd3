package graph

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"maps"
	"os"
	"slices"
	"sync"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/schema"
)

// ErrBulk is wrapped by the errors of what a bulk import cannot do: replace
// or forget a document, or store a value its CSV column cannot hold.
var ErrBulk = errors.New("bulk import")

// Bulk is a Store that writes, instead of a database, the CSV files from which
// `neo4j-admin database import full` builds the graph Neo4j would hold after
// the same writes into an empty database: the same nodes, relationships,
// labels and properties (ingested_at apart, a stamp per batch as online).
// Constraints and indexes are not in the files: Apply them once the imported
// database runs (dipgraph ingest does, before its first write), and later
// writes continue online on top of it.
//
// Documents, mentions and Evidence go to their files as they come; entities
// and facts go, a record per occurrence, to temporary files in dir, sorted in
// runs of a fixed size; Close merges the runs, merges the records of each
// entity or fact as the online writer merges them, writes the entity and
// fact files, and removes the temporary ones. Memory stays flat in the
// number of documents: the ids of the documents written are spilled too, and
// checked by Close.
//
// Each document may be written once: a document written twice fails Close
// (ErrBulk), whose files are then not to be imported; a Bulk cannot replace
// or forget what it wrote (ErrBulk).
type Bulk struct {
	s     *schema.Schema
	dir   string
	clock clock

	mu       sync.Mutex
	ids      *spill // the ids of the documents written, without payload, in runs an eighth the size
	docs     *csvFile
	evidence *csvFile
	has      *csvFile
	mentions map[string]*csvFile // by label of the entity mentioned
	ents     *spill              // entity records by eidKey
	facts    *spill              // fact records by fact key
	scratch  []byte
	broken   error // a write that failed half way: the files are not whole
	files    BulkFiles
	made     []*csvFile // every file created
	st       Stats
	closed   bool
}

// BulkFiles lists the files of a bulk import as neo4j-admin database import
// full takes them: LABEL[:LABEL…]=FILE for --nodes, TYPE=FILE for
// --relationships.
type BulkFiles struct {
	Nodes, Relationships []string
	// Multiline are the files, of those above, with a value that holds a
	// line break, in order: neo4j-admin must be given them
	// (--multiline-fields-format=v2 --multiline-fields=FILE,…), and reads the
	// others in parallel.
	Multiline []string
}

// NewBulk returns a Bulk writing its files into dir, which must exist.
func NewBulk(s *schema.Schema, dir string) (*Bulk, error) { return newBulk(s, dir, bulkRunSize) }

// newBulk returns a Bulk sorting runs of runSize bytes of records.
func newBulk(s *schema.Schema, dir string, runSize int) (*Bulk, error) {
	b := &Bulk{s: s, dir: dir, ids: newSpill(dir, max(runSize/8, 1)),
		mentions: map[string]*csvFile{}, ents: newSpill(dir, runSize), facts: newSpill(dir, runSize)}
	var err error
	b.docs, err = b.create("documents.csv", b.docColumns())
	if err == nil {
		b.evidence, err = b.create("evidence.csv", b.evidenceColumns())
	}
	if err == nil {
		b.has, err = b.create("has_evidence.csv", []column{{"", "START_ID(" + labelDocument + ")"}, {"", "END_ID(" + labelEvidence + ")"}})
	}
	if err != nil {
		b.abort()
		return nil, fmt.Errorf("%w: %w", ErrBulk, err)
	}
	b.files.Nodes = append(b.files.Nodes, labelDocument+"="+b.docs.path, labelEvidence+"="+b.evidence.path)
	b.files.Relationships = append(b.files.Relationships, relHasEvidence+"="+b.has.path)
	return b, nil
}

// Apply does nothing: constraints and indexes are created once the imported
// database runs.
func (b *Bulk) Apply(context.Context, *schema.Schema) (ApplyReport, error) { return ApplyReport{}, nil }

// Fingerprints returns none: a bulk import goes into an empty database.
func (b *Bulk) Fingerprints(context.Context, []string) (map[string]string, error) {
	return map[string]string{}, nil
}

// ClearFingerprints fails: a bulk import holds no document before it starts.
func (b *Bulk) ClearFingerprints(context.Context, []string) error {
	return fmt.Errorf("%w: cannot rewrite documents", ErrBulk)
}

// Forget fails: a bulk import cannot take back what it wrote.
func (b *Bulk) Forget(context.Context, []string) (Stats, error) {
	return Stats{}, fmt.Errorf("%w: cannot forget documents", ErrBulk)
}

// Write appends results to the files; see Store. A document written twice
// fails Close, not Write: the ids written are checked there, from a sorted
// spill, so that memory does not grow with them.
func (b *Bulk) Write(ctx context.Context, results []extract.Result) (Stats, error) {
	if err := ctx.Err(); err != nil {
		return Stats{}, err
	}
	for i := range results {
		if err := Validate(b.s, &results[i]); err != nil {
			return Stats{}, err
		}
	}
	if len(results) == 0 {
		return Stats{}, nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return Stats{}, fmt.Errorf("%w: write after close", ErrBulk)
	}
	if b.broken != nil {
		return Stats{}, b.broken
	}
	p := newPlan(b.s, results, b.clock.now())
	if err := b.check(p); err != nil {
		return Stats{}, err
	}
	var st Stats
	if err := b.stream(p, &st); err != nil {
		return st, fmt.Errorf("%w: %w", ErrBulk, err)
	}
	if err := b.spillRows(p); err != nil {
		b.broken = fmt.Errorf("%w: an earlier write failed half way: %w", ErrBulk, err)
		return st, fmt.Errorf("%w: %w", ErrBulk, err)
	}
	st.Documents, st.Batches = len(p.docIDs), 1
	st.addUnstored(p.unstored)
	b.st.Add(st)
	return st, nil
}

// check fails when a value of p cannot be written to its column, before
// anything of p is.
func (b *Bulk) check(p *plan) error {
	fail := func(what string, err error) error {
		return fmt.Errorf("%w: %w: %s: %w", ErrInvalid, ErrBulk, what, err)
	}
	for _, g := range p.nodes {
		cols := b.entityColumns(g.Label)
		for _, row := range g.Rows {
			flat := flatRow(row, false)
			flat[g.Key] = row["key"]
			if err := rowOK(cols, b.nodeRecord(g.Label, flat)); err != nil {
				return fail(g.Label+" "+row["key"].(string), err)
			}
		}
	}
	for _, g := range p.rels {
		cols := b.factColumns(g.Type)
		for _, row := range g.Rows {
			if err := rowOK(cols, b.factRecord(g.Type, flatRow(row, true))); err != nil {
				return fail(g.Type+" "+row["key"].(string), err)
			}
		}
	}
	return nil
}

// stream writes the documents, mentions and Evidence of p: all or, when a
// value does not fit its column, none (ErrInvalid).
func (b *Bulk) stream(p *plan, st *Stats) error {
	type record struct {
		f    *csvFile
		what string
		rec  []any
	}
	var recs []record
	for _, row := range p.docs {
		props := row["props"].(map[string]any)
		rec := []any{row["id"]}
		for _, c := range b.docs.cols[1:] {
			rec = append(rec, props[c.name])
		}
		recs = append(recs, record{b.docs, fmt.Sprintf("document %s", row["id"]), rec})
	}
	now := p.docs[0]["props"].(map[string]any)["ingested_at"]
	for _, g := range p.mentions {
		f, err := b.mentionFile(g.Label)
		if err != nil {
			return err
		}
		for _, row := range g.Rows {
			rec := []any{row["doc"], row["key"], row["name"], row["forms"], row["count"], row["start"], row["end"], now}
			stated := row["stated"].(map[string]any)
			for _, c := range f.cols[len(rec):] {
				rec = append(rec, stated[c.name])
			}
			recs = append(recs, record{f, fmt.Sprintf("document %s, mention of %s", row["doc"], row["key"]), rec})
		}
	}
	for _, row := range p.evidence {
		props, stated := row["props"].(map[string]any), row["stated"].(map[string]any)
		rec := []any{row["id"]}
		for _, c := range b.evidence.cols[1:] {
			if v, ok := stated[c.name]; ok {
				rec = append(rec, v)
			} else {
				rec = append(rec, props[c.name])
			}
		}
		recs = append(recs, record{b.evidence, fmt.Sprintf("evidence %s", row["id"]), rec},
			record{b.has, "", []any{row["doc"], row["id"]}})
	}
	for _, r := range recs {
		if err := rowOK(r.f.cols, r.rec); err != nil {
			return fmt.Errorf("%w: %s: %w", ErrInvalid, r.what, err)
		}
	}
	for _, r := range recs {
		if err := r.f.row(r.rec...); err != nil {
			return err
		}
	}
	st.NodesCreated += len(p.docs) + len(p.evidence)
	st.RelationshipsCreated += len(recs) - len(p.docs) - len(p.evidence)
	return nil
}

// spillRows records the document ids and the entity and fact rows of p.
func (b *Bulk) spillRows(p *plan) error {
	for _, id := range p.docIDs {
		if err := b.ids.add(id, nil); err != nil {
			return err
		}
	}
	for _, g := range p.nodes {
		for _, row := range g.Rows {
			if err := b.spillNode(g.Label, row); err != nil {
				return err
			}
		}
	}
	added := supportAdded(p, nil)
	for _, g := range p.rels {
		for _, row := range g.Rows {
			if err := b.spillFact(g.Type, row, added[row["key"].(string)]); err != nil {
				return err
			}
		}
	}
	return nil
}

// Close writes the entities and facts and closes every file; the import can
// run once it returned nil. Stats reports what the files hold.
func (b *Bulk) Close(context.Context) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil
	}
	b.closed = true
	err := b.broken
	if err == nil {
		err = b.checkIDs()
	}
	if err == nil {
		err = b.writeEntities()
	}
	if err == nil {
		err = b.writeFacts()
	}
	for _, f := range b.open() {
		if cerr := f.close(); err == nil {
			err = cerr
		}
	}
	for _, sp := range []*spill{b.ids, b.ents, b.facts} {
		if rerr := sp.remove(); err == nil {
			err = rerr
		}
	}
	if err != nil {
		return fmt.Errorf("%w: %w", ErrBulk, err)
	}
	return nil
}

// Stats returns what the files hold: documents, nodes and relationships.
func (b *Bulk) Stats() Stats {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.st
}

// Files returns the files written, once Close has returned.
func (b *Bulk) Files() BulkFiles {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := BulkFiles{Nodes: slices.Clone(b.files.Nodes), Relationships: slices.Clone(b.files.Relationships)}
	for _, f := range b.made {
		if f.multiline {
			out.Multiline = append(out.Multiline, f.path)
		}
	}
	slices.Sort(out.Multiline)
	return out
}

// checkIDs fails when a document was written twice.
func (b *Bulk) checkIDs() error {
	return b.ids.each(func(id []byte, recs iter.Seq[[]byte]) error {
		n := 0
		for range recs {
			if n++; n > 1 {
				return fmt.Errorf("document %q written twice: a bulk import takes each document once", id)
			}
		}
		return nil
	})
}

// writeEntities writes a file of entities per label, labels and keys in
// order.
func (b *Bulk) writeEntities() error {
	var f *csvFile
	var label string
	done := func() error {
		if f == nil {
			return nil
		}
		err := f.close()
		b.st.NodesCreated += f.rows
		f = nil
		return err
	}
	err := b.ents.each(func(_ []byte, recs iter.Seq[[]byte]) error {
		l, props, err := b.mergeNode(recs)
		if err != nil {
			return err
		}
		if f == nil || l != label {
			if err := done(); err != nil {
				return err
			}
			if f, err = b.create("entities-"+l+".csv", b.entityColumns(l)); err != nil {
				return err
			}
			label = l
			b.files.Nodes = append(b.files.Nodes, l+":"+labelEntity+"="+f.path)
		}
		return f.row(b.nodeRecord(l, props)...)
	})
	if derr := done(); err == nil {
		err = derr
	}
	return err
}

// writeFacts writes a file of facts per type and labels of their ends,
// each in the order of the fact keys.
func (b *Bulk) writeFacts() error {
	files := map[[3]string]*csvFile{}
	err := b.facts.each(func(key []byte, recs iter.Seq[[]byte]) error {
		x, err := b.mergeFact(string(key), recs)
		if err != nil {
			return err
		}
		g := [3]string{x.typ, x.fromLabel, x.toLabel}
		f := files[g]
		if f == nil {
			if f, err = b.create("facts-"+g[0]+"-"+g[1]+"-"+g[2]+".csv", b.factFileColumns(g[0], g[1], g[2])); err != nil {
				return err
			}
			files[g] = f
		}
		return f.row(append([]any{x.from, x.to}, b.factRecord(x.typ, x.props)...)...)
	})
	gs := slices.Collect(maps.Keys(files))
	slices.SortFunc(gs, func(x, y [3]string) int { return slices.Compare(x[:], y[:]) })
	for _, g := range gs {
		f := files[g]
		if cerr := f.close(); err == nil {
			err = cerr
		}
		b.files.Relationships = append(b.files.Relationships, g[0]+"="+f.path)
		b.st.RelationshipsCreated += f.rows
	}
	return err
}

// mentionFile returns the file of the mentions of entities of label.
func (b *Bulk) mentionFile(label string) (*csvFile, error) {
	if f := b.mentions[label]; f != nil {
		return f, nil
	}
	nt, _ := b.s.Node(label)
	cols := []column{{"", "START_ID(" + labelDocument + ")"}, {"", "END_ID(" + label + ")"}, {"name", ""}, {"forms", "string[]"},
		{"count", "long"}, {"start", "long"}, {"end", "long"}, {"ingested_at", ""}}
	cols = append(cols, statedColumns(nt.Properties, EntityDerived(nt))...)
	f, err := b.create("mentions-"+label+".csv", cols)
	if err != nil {
		return nil, err
	}
	b.mentions[label] = f
	b.files.Relationships = append(b.files.Relationships, relMentions+"="+f.path)
	return f, nil
}

// open returns every streaming file still open.
func (b *Bulk) open() []*csvFile {
	out := []*csvFile{b.docs, b.evidence, b.has}
	for _, l := range slices.Sorted(maps.Keys(b.mentions)) {
		out = append(out, b.mentions[l])
	}
	return slices.DeleteFunc(out, func(f *csvFile) bool { return f == nil })
}

// create creates a CSV file in the Bulk's directory.
func (b *Bulk) create(name string, cols []column) (*csvFile, error) {
	f, err := createCSV(b.dir, name, cols)
	if err == nil {
		b.made = append(b.made, f)
	}
	return f, err
}

// abort closes and removes the files of a Bulk that could not be made.
func (b *Bulk) abort() {
	for _, f := range b.open() {
		_ = f.close()
		_ = os.Remove(f.path)
	}
	_ = b.ids.remove()
	_ = b.ents.remove()
	_ = b.facts.remove()
}
