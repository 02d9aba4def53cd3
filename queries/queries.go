// Package queries holds the analysts' Cypher cookbook: one query per file, a
// header comment saying what it answers and its parameters. README.md lists
// them; queries_test.go runs each against Neo4j on a known graph.
package queries

import (
	"embed"
	"strings"
)

// FS holds the *.cypher files.
//
//go:embed *.cypher
var FS embed.FS

// Text returns the query in NAME.cypher without its trailing semicolon, ready
// for a driver.
func Text(name string) (string, error) {
	b, err := FS.ReadFile(name + ".cypher")
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(strings.TrimSpace(string(b)), ";"), nil
}
