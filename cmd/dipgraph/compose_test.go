package main

import (
	"os"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestCompose checks docker-compose.yml without a Docker engine: the services
// scripts/demo runs, no plugin nothing uses, usage reporting off, ports on
// loopback only, and a healthcheck that does not depend on the password (the
// neo4j-data volume keeps the first one).
func TestCompose(t *testing.T) {
	b, err := os.ReadFile("../../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Services map[string]struct {
			Image       string
			Build       string
			Environment map[string]string
			Ports       []string
			Volumes     []string
			Healthcheck struct{ Test []string }
			DependsOn   map[string]struct{ Condition string } `yaml:"depends_on"`
			Command     []string
		}
		Volumes map[string]any
	}
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(false)
	if err := dec.Decode(&c); err != nil {
		t.Fatal(err)
	}
	neo, app := c.Services["neo4j"], c.Services["dipgraph"]
	if !strings.HasPrefix(neo.Image, "neo4j:5.26") || app.Build != "." {
		t.Errorf("services: neo4j %q, dipgraph build %q", neo.Image, app.Build)
	}
	if _, ok := neo.Environment["NEO4J_PLUGINS"]; ok {
		t.Error("a plugin is loaded that nothing uses")
	}
	for k, want := range map[string]string{"NEO4J_dbms_usage__report_enabled": "false", "NEO4J_client_allow__telemetry": "false"} {
		if neo.Environment[k] != want {
			t.Errorf("%s = %q, want %q", k, neo.Environment[k], want)
		}
	}
	for _, p := range neo.Ports {
		if !strings.HasPrefix(p, "127.0.0.1:") {
			t.Errorf("port %s is not on loopback", p)
		}
	}
	hc := strings.Join(neo.Healthcheck.Test, " ")
	if hc == "" || strings.Contains(hc, "NEO4J_AUTH") || strings.Contains(hc, "-p ") {
		t.Errorf("healthcheck %q depends on the password, which the volume may not hold", hc)
	}
	if app.DependsOn["neo4j"].Condition != "service_healthy" || app.Environment["NEO4J_PASSWORD"] != "${NEO4J_PASSWORD:-dipgraph-demo}" ||
		neo.Environment["NEO4J_AUTH"] != "neo4j/${NEO4J_PASSWORD:-dipgraph-demo}" {
		t.Errorf("dipgraph waits for %+v with password %q; neo4j auth %q", app.DependsOn, app.Environment["NEO4J_PASSWORD"], neo.Environment["NEO4J_AUTH"])
	}
	if _, ok := c.Volumes["neo4j-data"]; !ok || len(neo.Volumes) == 0 {
		t.Error("no neo4j-data volume")
	}
}
