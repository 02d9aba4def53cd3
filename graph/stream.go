package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// ErrStatement is wrapped by errors Neo4j reports about a query itself: a
// syntax error, a missing parameter, a type error (Neo.ClientError.Statement.*).
var ErrStatement = errors.New("invalid query")

// Stream runs a read-only query and calls fn with the column names once,
// then with each record's values in column order, as they arrive: the
// result is never held whole. It runs in one auto-commit read transaction,
// not retried, so that fn never sees a record twice; an error fn returns
// stops the query and is returned as is.
func (n *Neo4j) Stream(ctx context.Context, cypher string, params map[string]any, fn func(keys []string, values []any) error) error {
	sess := n.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, cypher, params)
	if err != nil {
		return n.classifyStatement(err)
	}
	keys, err := res.Keys()
	if err != nil {
		return n.classifyStatement(err)
	}
	if err := fn(keys, nil); err != nil {
		return err
	}
	for res.Next(ctx) {
		if err := fn(keys, res.Record().Values); err != nil {
			return err
		}
	}
	if err := res.Err(); err != nil {
		return n.classifyStatement(err)
	}
	return nil
}

// classifyStatement is classify, with Neo4j's errors about the statement
// wrapped in ErrStatement and said in Neo4j's words.
func (n *Neo4j) classifyStatement(err error) error {
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) && strings.HasPrefix(ne.Code, "Neo.ClientError.Statement.") {
		return fmt.Errorf("%w: %s (%s)", ErrStatement, strings.TrimSpace(ne.Msg), ne.Code)
	}
	return n.classify(err)
}
