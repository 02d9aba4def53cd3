package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/urfave/cli/v2"
)

// printVersion prints what makes dipgraph's output what it is: the build,
// the extraction rules (extract.Version), the graph layout (graph.Version)
// and the digest of the schema in use (the built-in one, or --schema's).
func printVersion(c *cli.Context, env *Env) error {
	s, err := loadSchema(c, env)
	if err != nil {
		return err
	}
	digest, err := s.Digest()
	if err != nil {
		return err
	}
	which := "built-in"
	if len(c.StringSlice("schema")) > 0 {
		which = "--schema"
	}
	fmt.Fprintf(env.Stdout, "dipgraph %s\nextraction rules %s\ngraph layout %s\nschema %s (%s)\n%s %s/%s\n",
		buildVersion(), extract.Version, graph.Version, digest, which, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}

// buildVersion is the module version, else the commit the binary was built
// from (with "+dirty" for uncommitted changes), else "devel".
func buildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch {
		case s.Key == "vcs.revision" && len(s.Value) >= 12:
			rev = s.Value[:12]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = "+dirty"
		}
	}
	if rev == "" {
		return "devel"
	}
	return "devel " + rev + dirty
}
