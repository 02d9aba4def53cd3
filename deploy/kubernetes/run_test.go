package kubernetes

import (
	"bytes"
	"errors"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
)

// TestJobsRunDipgraph runs the container of every Job as its pods would, with
// the dipgraph built from this repository: the Job's args, its environment
// and the Secret's keys, the last index of an Indexed Job in
// JOB_COMPLETION_INDEX, the volume mounts as directories holding one article,
// and NEO4J_URI turned to an address where nothing listens. dipgraph must get
// past its arguments, shard and inputs and fail only on the connection (exit
// 1, "unreachable"): a flag it does not know, a shard count it refuses or an
// input path outside the mounts would exit 2 or 3.
func TestJobsRunDipgraph(t *testing.T) {
	objs := manifests(t, ".")
	bin := filepath.Join(t.TempDir(), "dipgraph")
	build := exec.Command("go", "build", "-o", bin, "./cmd/dipgraph")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build dipgraph: %v\n%s", err, out)
	}
	secrets := map[string]*corev1.Secret{}
	for _, o := range objs {
		if s, ok := o.obj.(*corev1.Secret); ok {
			secrets[s.Name] = s
		}
	}
	jobs := 0
	for _, o := range objs {
		job, ok := o.obj.(*batchv1.Job)
		if !ok {
			continue
		}
		jobs++
		t.Run(job.Name, func(t *testing.T) {
			c := job.Spec.Template.Spec.Containers[0]
			root := t.TempDir()
			env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + root}
			for _, ef := range c.EnvFrom {
				if s := secrets[ef.SecretRef.Name]; s != nil {
					for k, v := range s.StringData {
						env = append(env, k+"="+v)
					}
				}
			}
			for _, e := range c.Env {
				env = append(env, e.Name+"="+e.Value)
			}
			if m := job.Spec.CompletionMode; m != nil && *m == batchv1.IndexedCompletion {
				env = append(env, "JOB_COMPLETION_INDEX="+strconv.Itoa(int(*job.Spec.Completions)-1))
			}
			env = append(env, "NEO4J_URI="+unreachable(t, env))
			args := slices.Clone(c.Args)
			for i, a := range c.Args { // an argument under a mount: a directory of the test holding one article
				for _, m := range c.VolumeMounts {
					if a != m.MountPath && !strings.HasPrefix(a, m.MountPath+"/") {
						continue
					}
					args[i] = filepath.Join(root, a)
					if err := os.MkdirAll(args[i], 0o755); err != nil {
						t.Fatal(err)
					}
					article := "التقى وزير الخارجية المصري نظيره التركي في القاهرة.\n"
					if err := os.WriteFile(filepath.Join(args[i], "a1.txt"), []byte(article), 0o644); err != nil {
						t.Fatal(err)
					}
					break
				}
			}
			cmd := exec.Command(bin, args...)
			cmd.Env = env
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(stderr.String(), "unreachable") {
				t.Errorf("dipgraph %s: %v, stderr %q; want exit 1 on the unreachable database only", strings.Join(args, " "), err, stderr.String())
			}
		})
	}
	if jobs == 0 {
		t.Fatal("no Job in the manifests")
	}
}

// unreachable returns NEO4J_URI of env with its host and port replaced by a
// local address where nothing listens.
func unreachable(t *testing.T, env []string) string {
	t.Helper()
	uri := "bolt://localhost:7687"
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, "NEO4J_URI="); ok {
			uri = v
		}
	}
	u, err := url.Parse(uri)
	if err != nil {
		t.Fatalf("NEO4J_URI %q: %v", uri, err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	u.Host = l.Addr().String()
	l.Close()
	return u.String()
}
