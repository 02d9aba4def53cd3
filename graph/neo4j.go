package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/dipgraph/dipgraph/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/notifications"
)

// Config is how to reach Neo4j.
type Config struct {
	// URI is bolt://host:port (one server), neo4j://host:port (routing), or
	// their +s / +ssc variants for TLS.
	URI, User, Password string
	// Database is the database name; empty means the user's home database.
	Database string
	// MaxRetryTime bounds how long a transaction is retried on transient errors
	// (deadlocks, leader changes, lost connections); 0 means 30 s.
	MaxRetryTime time.Duration
	// ConnectTimeout bounds connection attempts; 0 means 5 s.
	ConnectTimeout time.Duration
	// Logger, when set, receives one debug record per statement with its time.
	Logger *slog.Logger
}

// Neo4j is the Store backed by a Neo4j database. Create it with Open.
type Neo4j struct {
	cfg    Config
	s      *schema.Schema
	driver neo4j.DriverWithContext
	clock  clock

	// mu serialises write transactions (see the package comment).
	mu sync.Mutex
	// beforeTx, when set, runs at the start of every write transaction with the
	// documents in it; tests use it to inject faults.
	beforeTx func(ids []string) error
}

var schemes = []string{"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}

// Open connects to Neo4j, checks that the database answers a query and
// returns a Store writing under schema s (nil for a store that only pings or
// queries). Errors wrap ErrConfig, ErrUnreachable, ErrAuth or ErrNoDatabase and
// never contain the password. Open one per process and share it: it holds the
// connection pool, and its writes are serialised.
func Open(ctx context.Context, cfg Config, s *schema.Schema) (*Neo4j, error) {
	u, err := url.Parse(cfg.URI)
	if err != nil || cfg.URI == "" {
		return nil, fmt.Errorf("%w: invalid URI %q", ErrConfig, redact(RedactURI(cfg.URI), cfg.Password))
	}
	ok := false
	for _, sc := range schemes {
		ok = ok || u.Scheme == sc
	}
	if !ok {
		return nil, fmt.Errorf("%w: URI %q: scheme must be one of %s", ErrConfig, redact(RedactURI(cfg.URI), cfg.Password), strings.Join(schemes, ", "))
	}
	if u.User != nil {
		return nil, fmt.Errorf("%w: URI must not contain credentials; use --user and --password", ErrConfig)
	}
	if cfg.MaxRetryTime == 0 {
		cfg.MaxRetryTime = 30 * time.Second
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 5 * time.Second
	}
	d, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""), func(c *config.Config) {
		c.MaxTransactionRetryTime = cfg.MaxRetryTime
		c.SocketConnectTimeout = cfg.ConnectTimeout
		c.ConnectionAcquisitionTimeout = 2 * cfg.ConnectTimeout
		c.UserAgent = "dipgraph"
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrConfig, redact(err.Error(), cfg.Password))
	}
	n := &Neo4j{cfg: cfg, s: s, driver: d}
	if _, err := n.Ping(ctx); err != nil {
		_ = d.Close(context.Background())
		return nil, err
	}
	return n, nil
}

// Ping runs RETURN 1 on the database, once, and returns the server's agent
// string.
func (n *Neo4j) Ping(ctx context.Context) (string, error) {
	sess := n.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "RETURN 1 AS ok", nil)
	if err != nil {
		return "", n.classify(err)
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return "", n.classify(err)
	}
	return sum.Server().Agent(), nil
}

// Close closes the driver.
func (n *Neo4j) Close(ctx context.Context) error {
	return n.classify(n.driver.Close(ctx))
}

func (n *Neo4j) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return n.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName:             n.cfg.Database,
		AccessMode:               mode,
		BookmarkManager:          n.driver.ExecuteQueryBookmarkManager(),
		NotificationsMinSeverity: notifications.DisabledLevel,
	})
}

// Fingerprints returns the stored fingerprint of each known document.
func (n *Neo4j) Fingerprints(ctx context.Context, ids []string) (map[string]string, error) {
	sess := n.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	out, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (map[string]string, error) {
		res, err := tx.Run(ctx, cypherFingerprints, map[string]any{"ids": toAny(ids)})
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, err
		}
		m := map[string]string{}
		for _, r := range recs {
			id, _ := r.Values[0].(string)
			h, _ := r.Values[1].(string)
			m[id] = h
		}
		return m, nil
	})
	return out, n.classify(err)
}

// ClearFingerprints removes stored fingerprints in one transaction (a
// property removal per document: small even for 10^5 documents); see Store.
func (n *Neo4j) ClearFingerprints(ctx context.Context, ids []string) error {
	sess := n.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	_, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, "UNWIND $ids AS id MATCH (d:Document {id: id}) REMOVE d.hash", map[string]any{"ids": toAny(ids)})
		if err != nil {
			return nil, err
		}
		return res.Consume(ctx)
	})
	if err != nil {
		return fmt.Errorf("clear fingerprints: %w", n.classify(err))
	}
	return nil
}

// Apply creates the constraints and indexes s declares and waits for them.
// Those the database lists already (by name) are reported existing without
// a statement, and those online are not waited for.
//
// Each statement runs in its own managed transaction, so the driver retries
// it on transient errors: several processes applying the same schema at once
// (parallel test packages, two ingests starting together) can deadlock on the
// schema locks (Neo.TransientError.Transaction.DeadlockDetected), and the
// retry then finds the constraint made by the other process.
func (n *Neo4j) Apply(ctx context.Context, s *schema.Schema) (ApplyReport, error) {
	stmts, err := schemaStatements(s)
	if err != nil {
		return ApplyReport{}, err
	}
	state, err := n.indexStates(ctx)
	if err != nil {
		return ApplyReport{}, fmt.Errorf("list indexes: %w", n.classify(err))
	}
	sess := n.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	var rep ApplyReport
	var missing []statement
	for _, st := range stmts {
		if _, ok := state[st.name]; ok {
			rep.Existing = append(rep.Existing, st.name) // nothing to send: IF NOT EXISTS would do nothing
		} else {
			missing = append(missing, st)
		}
	}
	// All in one transaction first: one commit for a new database's whole
	// schema. Should it fail (another process creating the same items), one
	// transaction per statement sorts out what exists.
	if len(missing) > 1 {
		added, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) ([]bool, error) {
			added := make([]bool, len(missing))
			for i, st := range missing {
				res, err := tx.Run(ctx, st.cypher, nil)
				if err != nil {
					return nil, err
				}
				sum, err := res.Consume(ctx)
				if err != nil {
					return nil, err
				}
				added[i] = sum.Counters().ConstraintsAdded()+sum.Counters().IndexesAdded() > 0
			}
			return added, nil
		})
		if err == nil {
			for i, st := range missing {
				if added[i] {
					rep.Created = append(rep.Created, st.name)
				} else {
					rep.Existing = append(rep.Existing, st.name) // created meanwhile by another process
				}
			}
			missing = nil
		} else if ctx.Err() != nil {
			return rep, ctx.Err()
		}
	}
	for _, st := range missing {
		added, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (int, error) {
			res, err := tx.Run(ctx, st.cypher, nil)
			if err != nil {
				return 0, err
			}
			sum, err := res.Consume(ctx)
			if err != nil {
				return 0, err
			}
			return sum.Counters().ConstraintsAdded() + sum.Counters().IndexesAdded(), nil
		})
		var ne *neo4j.Neo4jError
		switch {
		case errors.As(err, &ne) && strings.Contains(ne.Code, "AlreadyExists"):
			rep.Existing = append(rep.Existing, st.name) // created concurrently by another process
		case err != nil:
			return rep, fmt.Errorf("%s: %w", st.name, n.classify(err))
		case added > 0:
			rep.Created = append(rep.Created, st.name)
		default:
			rep.Existing = append(rep.Existing, st.name)
		}
	}
	return rep, n.awaitOnline(ctx, stmts, state)
}

// awaitOnline waits until the indexes of stmts are online, reading their
// states (starting from state) in one query a round rather than one wait
// per index. Only this schema's indexes are waited for (a uniqueness
// constraint's index has the constraint's name): another application's
// index still populating, or one being created and dropped by another
// process, is none of dipgraph's business.
func (n *Neo4j) awaitOnline(ctx context.Context, stmts []statement, state map[string]string) error {
	deadline := time.Now().Add(5 * time.Minute)
	pause := 10 * time.Millisecond
	for {
		var pending []string
		for _, st := range stmts {
			switch state[st.name] {
			case "ONLINE":
			case "FAILED":
				return fmt.Errorf("index %s failed to populate (SHOW INDEXES has the reason)", st.name)
			default:
				pending = append(pending, st.name)
			}
		}
		if len(pending) == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("indexes %s still not online after 5 minutes", strings.Join(pending, ", "))
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause):
		}
		pause = min(2*pause, time.Second)
		var err error
		if state, err = n.indexStates(ctx); err != nil {
			return fmt.Errorf("await indexes: %w", n.classify(err))
		}
	}
}

// indexStates returns the state (ONLINE, POPULATING…) of every index by
// name; a uniqueness constraint's index has the constraint's name. One read
// lets Apply skip, on a database that has the schema already, the
// statements and waits that would each cost a round trip and a transaction.
func (n *Neo4j) indexStates(ctx context.Context) (map[string]string, error) {
	sess := n.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "SHOW INDEXES YIELD name, state", nil)
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(recs))
	for _, r := range recs {
		name, _ := r.Values[0].(string)
		state, _ := r.Values[1].(string)
		out[name] = state
	}
	return out, nil
}

// classify turns driver errors into the package's sentinels, without the
// password.
func (n *Neo4j) classify(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	where := RedactURI(n.cfg.URI)
	var ne *neo4j.Neo4jError
	switch {
	case errors.As(err, &ne) && ne.Code == codeRateLimit:
		err = fmt.Errorf("%w: user %q at %s: too many failed logins (%s): Neo4j refuses this user's logins for a while, "+
			"even with the right password (dbms.security.auth_lock_time, 5s by default); check the password, wait and try again",
			ErrAuth, n.cfg.User, where, ne.Code)
	case errors.As(err, &ne) && strings.HasPrefix(ne.Code, "Neo.ClientError.Security."):
		err = fmt.Errorf("%w: user %q at %s: wrong user name or password (%s); after %s failed logins in a row Neo4j "+
			"refuses even the right password for a while (dbms.security.auth_max_failed_attempts, auth_lock_time)",
			ErrAuth, n.cfg.User, where, ne.Code, "3")
	case errors.As(err, &ne) && ne.Code == "Neo.ClientError.Database.DatabaseNotFound":
		err = fmt.Errorf("%w: database %q does not exist at %s", ErrNoDatabase, n.cfg.Database, where)
	case unreachable(err):
		err = fmt.Errorf("%w at %s: %s", ErrUnreachable, where, rootCause(err))
	}
	return redactErr{err: err, secret: n.cfg.Password}
}

// codeRateLimit is the error of a login while Neo4j locks the user out, after
// dbms.security.auth_max_failed_attempts (3) failed logins in a row.
const codeRateLimit = "Neo.ClientError.Security.AuthenticationRateLimit"

// RedactURI returns uri without its user information ("bolt://***@host" for
// "bolt://user:pass@host"), for messages and logs. Open rejects URIs with
// user information; their text is still never shown.
func RedactURI(uri string) string {
	if u, err := url.Parse(uri); err == nil && u.Opaque == "" {
		if u.User == nil {
			return uri
		}
		u.User = nil
		return strings.Replace(u.String(), "://", "://***@", 1)
	}
	// Unparsable: drop whatever sits between the scheme and an @.
	scheme, rest, found := strings.Cut(uri, "://")
	if !found {
		scheme, rest = "", uri
	}
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		rest = "***@" + rest[at+1:]
	}
	if !found {
		return rest
	}
	return scheme + "://" + rest
}

// unreachable reports whether err means the server could not be reached.
func unreachable(err error) bool {
	var ce *neo4j.ConnectivityError
	if errors.As(err, &ce) {
		return true
	}
	var tel *neo4j.TransactionExecutionLimit
	if errors.As(err, &tel) {
		for _, e := range tel.Errors {
			if unreachable(e) {
				return true
			}
		}
		return strings.Contains(tel.Cause, "connection")
	}
	return strings.Contains(err.Error(), "PoolTimeout") || strings.Contains(err.Error(), "connection refused")
}

// rootCause digs the network error out of the driver's wrappers.
func rootCause(err error) string {
	var tel *neo4j.TransactionExecutionLimit
	if errors.As(err, &tel) && len(tel.Errors) > 0 {
		return rootCause(tel.Errors[len(tel.Errors)-1])
	}
	var ce *neo4j.ConnectivityError
	if errors.As(err, &ce) && ce.Inner != nil {
		return ce.Inner.Error()
	}
	return err.Error()
}

// redactErr hides a secret in an error's message.
type redactErr struct {
	err    error
	secret string
}

func (e redactErr) Error() string { return redact(e.err.Error(), e.secret) }
func (e redactErr) Unwrap() error { return e.err }

func redact(s, secret string) string {
	if secret == "" {
		return s
	}
	return strings.ReplaceAll(s, secret, "***")
}

// Query runs a read-only query and returns its records as maps from column
// name to value. It is meant for analysts' queries and tests, not for writes.
func (n *Neo4j) Query(ctx context.Context, cypher string, params map[string]any) ([]map[string]any, error) {
	sess := n.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	out, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) ([]map[string]any, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, err
		}
		rows := make([]map[string]any, len(recs))
		for i, r := range recs {
			rows[i] = r.AsMap()
		}
		return rows, nil
	})
	return out, n.classify(err)
}
