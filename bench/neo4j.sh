# bench/neo4j.sh — a throwaway Neo4j for the benchmarks (sourced, not run).
# It never touches the instances of other users: its own instance directory
# and ports, wiped between runs.
#
# Settings (environment; defaults in brackets):
#   DIPGRAPH_NEO4J_INSTANCE [/tmp/bench-neo4j]  DIPGRAPH_BOLT_PORT [7690]
#   DIPGRAPH_HTTP_PORT [7477]  DIPGRAPH_CACHE [/tmp/dgcache]
#   DIPGRAPH_NEO4J_HEAP [1g]  DIPGRAPH_NEO4J_PAGECACHE [512m]  NEO4J_VERSION [5.26.30]
export DIPGRAPH_NEO4J_INSTANCE=${DIPGRAPH_NEO4J_INSTANCE:-/tmp/bench-neo4j}
export DIPGRAPH_BOLT_PORT=${DIPGRAPH_BOLT_PORT:-7690}
export DIPGRAPH_HTTP_PORT=${DIPGRAPH_HTTP_PORT:-7477}
export DIPGRAPH_CACHE=${DIPGRAPH_CACHE:-/tmp/dgcache}
export DIPGRAPH_NEO4J_HEAP=${DIPGRAPH_NEO4J_HEAP:-1g}
export DIPGRAPH_NEO4J_PAGECACHE=${DIPGRAPH_NEO4J_PAGECACHE:-512m}
neo4j_version=${NEO4J_VERSION:-5.26.30}

case "$DIPGRAPH_BOLT_PORT" in 7687 | 7688 | 7689)
	echo "bench: refusing to use Bolt port $DIPGRAPH_BOLT_PORT (another instance's)" >&2
	exit 2
	;;
esac

# neo4j_fresh stops the bench instance, deletes it and starts an empty one.
neo4j_fresh() {
	"$src/scripts/neo4j" stop >/dev/null 2>&1 || true
	rm -rf "$DIPGRAPH_NEO4J_INSTANCE"
	"$src/scripts/neo4j" start 2>&1 | tail -n 1 >&2
	eval "$("$src/scripts/neo4j" env)"
}

neo4j_stop() { "$src/scripts/neo4j" stop >/dev/null 2>&1 || true; }

# cypher QUERY prints the first column of the first row, via the HTTP API.
cypher() {
	curl -s -u "neo4j:$NEO4J_PASSWORD" -H 'Content-Type: application/json' \
		-d "$(python3 -c 'import json,sys; print(json.dumps({"statements":[{"statement":sys.argv[1]}]}))' "$1")" \
		"http://127.0.0.1:$DIPGRAPH_HTTP_PORT/db/neo4j/tx/commit" |
		python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["results"][0]["data"][0]["row"][0] if not d["errors"] else "ERROR " + str(d["errors"]))'
}

# neo4j_admin ARGS… runs neo4j-admin of the bench instance (the server must be stopped).
neo4j_admin() {
	NEO4J_HOME="$DIPGRAPH_NEO4J_INSTANCE" NEO4J_CONF="$DIPGRAPH_NEO4J_INSTANCE/conf" \
		java -cp "$DIPGRAPH_CACHE/neo4j-community-$neo4j_version/lib/*" org.neo4j.server.startup.Neo4jAdminBoot "$@"
}
