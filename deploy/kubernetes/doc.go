// Package kubernetes holds dipgraph's Kubernetes manifests (the *.yaml files
// beside this one) and the test that keeps them valid: every document is
// decoded strictly against the Kubernetes API types of k8s.io/api, so an
// unknown or misspelt field, a value of the wrong type or an unknown kind
// fails, and then checked for what a decoder cannot see (the shard count
// equals the Job's completions, the Secret and claim they name exist, the
// arguments are ones dipgraph accepts).
//
// It is a module of its own so that k8s.io/api and its dependencies stay out
// of dipgraph's go.mod and binary: `go test ./...` at the repository root
// does not see it; scripts/test runs it from this directory.
//
// Usage:
//
//	cd deploy/kubernetes && go test ./...
package kubernetes
