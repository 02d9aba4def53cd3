package graph

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestRedactURI(t *testing.T) {
	for in, want := range map[string]string{
		"bolt://localhost:7687":                    "bolt://localhost:7687",
		"bolt://neo4j:s3cret@localhost:7687":       "bolt://***@localhost:7687",
		"neo4j+s://admin@db.example.org":           "neo4j+s://***@db.example.org",
		"bolt://neo4j:s3cret@localhost:port":       "bolt://***@localhost:port", // unparsable port
		"http://neo4j:s3cret@host:7474/db?x=1":     "http://***@host:7474/db?x=1",
		"neo4j:s3cret@host":                        "***@host",
		"bolt://neo4j:s3:cr@et@localhost:notaport": "bolt://***@localhost:notaport",
	} {
		if got := RedactURI(in); got != want {
			t.Errorf("RedactURI(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOpenNeverShowsUserInfo: URIs Open rejects before any connection are
// named without their user information.
func TestOpenNeverShowsUserInfo(t *testing.T) {
	for _, uri := range []string{"bolt://neo4j:s3cret@127.0.0.1:notaport", "http://neo4j:s3cret@127.0.0.1:7474",
		"bolt://neo4j:s3cret@127.0.0.1:1"} {
		_, err := Open(context.Background(), Config{URI: uri, User: "neo4j", Password: "other"}, nil)
		if !errors.Is(err, ErrConfig) || strings.Contains(err.Error(), "s3cret") || strings.Contains(err.Error(), "neo4j:") {
			t.Errorf("Open(%q): %v; want ErrConfig without the user information", uri, err)
		}
	}
}

// TestAuthErrorsSayNeo4jLocksUsersOut: a wrong password says that failed
// logins lock the user out; a locked-out login says so and what to do.
func TestAuthErrorsSayNeo4jLocksUsersOut(t *testing.T) {
	n := &Neo4j{cfg: Config{URI: "bolt://127.0.0.1:7687", User: "neo4j", Password: "pw"}}
	for code, want := range map[string]string{
		"Neo.ClientError.Security.Unauthorized":            "after 3 failed logins in a row Neo4j refuses even the right password",
		"Neo.ClientError.Security.AuthenticationRateLimit": "too many failed logins",
	} {
		err := n.classify(&neo4j.Neo4jError{Code: code, Msg: "The client is unauthorized"})
		if !errors.Is(err, ErrAuth) || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "auth_lock_time") {
			t.Errorf("%s: %v; want ErrAuth saying %q", code, err, want)
		}
	}
}
