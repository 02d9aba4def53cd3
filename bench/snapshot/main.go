// Command snapshot prints the canonical snapshot of a Neo4j database: every
// node and every relationship on one line, sorted, with typed property
// values, so that two databases hold the same graph exactly when their
// snapshots are equal byte for byte. ingested_at, a time stamp of each
// write, is left out; so are the internal ids. Nodes are named by their id
// property, relationships by their ends'.
//
//	snapshot [--out FILE]
//
// It connects with NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD (and
// NEO4J_DATABASE) and prints the numbers of nodes and relationships and the
// snapshot's SHA-256 on stderr. bench/bulk.sh compares a bulk import plus
// online writes with online writes alone by it.
package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "snapshot:", err)
		os.Exit(1)
	}
}

func run() error {
	out := flag.String("out", "", "write the snapshot here (default standard output)")
	flag.Parse()
	ctx := context.Background()
	user := os.Getenv("NEO4J_USER")
	if user == "" {
		user = "neo4j"
	}
	drv, err := neo4j.NewDriverWithContext(os.Getenv("NEO4J_URI"), neo4j.BasicAuth(user, os.Getenv("NEO4J_PASSWORD"), ""))
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	var lines []string
	db := neo4j.ExecuteQueryWithDatabase(os.Getenv("NEO4J_DATABASE"))
	nodes, err := neo4j.ExecuteQuery(ctx, drv, "MATCH (n) RETURN labels(n), properties(n)", nil, neo4j.EagerResultTransformer, db)
	if err != nil {
		return err
	}
	for _, r := range nodes.Records {
		labels := strs(r.Values[0])
		slices.Sort(labels)
		lines = append(lines, "("+strings.Join(labels, ":")+" "+props(r.Values[1].(map[string]any))+")")
	}
	rels, err := neo4j.ExecuteQuery(ctx, drv, "MATCH (a)-[r]->(b) RETURN a.id, type(r), properties(r), b.id", nil, neo4j.EagerResultTransformer, db)
	if err != nil {
		return err
	}
	for _, r := range rels.Records {
		lines = append(lines, "("+value(r.Values[0])+")-["+r.Values[1].(string)+" "+props(r.Values[2].(map[string]any))+"]->("+value(r.Values[3])+")")
	}
	slices.Sort(lines)
	var w io.Writer = os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	h := sha256.New()
	for _, l := range lines {
		bw.WriteString(l + "\n")
		h.Write([]byte(l + "\n"))
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "snapshot: %d nodes, %d relationships, sha256 %x\n", len(nodes.Records), len(rels.Records), h.Sum(nil))
	return nil
}

// props renders properties sorted by name, without ingested_at.
func props(m map[string]any) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		if k != "ingested_at" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString("{")
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(k) + ": " + value(m[k]))
	}
	return b.String() + "}"
}

// value renders a property value with its type: strings quoted, integers
// bare, floats with a trailing "f", lists in brackets.
func value(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64) + "f"
	case bool:
		return strconv.FormatBool(x)
	case []any:
		items := make([]string, len(x))
		for i, e := range x {
			items[i] = value(e)
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	return fmt.Sprintf("%T(%v)", v, v)
}

func strs(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, e := range l {
		s, _ := e.(string)
		out = append(out, s)
	}
	return out
}
