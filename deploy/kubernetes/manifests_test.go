package kubernetes

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

// object is one decoded manifest document.
type object struct {
	where string // file:line of the document's first line
	obj   any    // *batchv1.Job, *corev1.Secret, *corev1.PersistentVolumeClaim
}

// kinds are the API types the manifests may use, by apiVersion and kind.
var kinds = map[string]func() any{
	"batch/v1 Job":             func() any { return &batchv1.Job{} },
	"batch/v1 CronJob":         func() any { return &batchv1.CronJob{} },
	"v1 Secret":                func() any { return &corev1.Secret{} },
	"v1 ConfigMap":             func() any { return &corev1.ConfigMap{} },
	"v1 PersistentVolumeClaim": func() any { return &corev1.PersistentVolumeClaim{} },
	"v1 PersistentVolume":      func() any { return &corev1.PersistentVolume{} },
	"v1 ServiceAccount":        func() any { return &corev1.ServiceAccount{} },
}

var docSep = regexp.MustCompile(`(?m)^---[ \t]*$`)

// decode reads every document of the YAML file path strictly (see strict):
// an unknown kind, an unknown, misspelt or duplicated field and a value of
// the wrong type are errors naming the file and the document's first line.
func decode(path string) ([]object, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []object
	line := 1
	for _, doc := range docSep.Split(string(data), -1) {
		where := fmt.Sprintf("%s:%d", filepath.Base(path), line)
		line += strings.Count(doc, "\n") + 1
		if strings.TrimSpace(stripComments(doc)) == "" {
			continue
		}
		var tm metav1.TypeMeta
		if err := yaml.Unmarshal([]byte(doc), &tm); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		mk, ok := kinds[tm.APIVersion+" "+tm.Kind]
		if !ok {
			return nil, fmt.Errorf("%s: unknown apiVersion and kind %q %q", where, tm.APIVersion, tm.Kind)
		}
		obj := mk()
		if err := strict([]byte(doc), obj); err != nil {
			return nil, fmt.Errorf("%s: %s %s: %w", where, tm.APIVersion, tm.Kind, err)
		}
		out = append(out, object{where: where, obj: obj})
	}
	return out, nil
}

// strict decodes one YAML document into obj as the API server would with
// strict field validation: YAML keys must be unique, JSON field names match
// case-sensitively, and an unknown field is an error naming its path
// ("unknown field \"spec.paralelism\"").
func strict(doc []byte, obj any) error {
	j, err := yaml.YAMLToJSONStrict(doc)
	if err != nil {
		return err
	}
	problems, err := json.UnmarshalStrict(j, obj)
	if err != nil {
		return err
	}
	return errors.Join(problems...)
}

func stripComments(doc string) string {
	var b strings.Builder
	for _, l := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "#") {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// manifests decodes every *.yaml file of dir.
func manifests(t *testing.T, dir string) []object {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no manifests in %s (%v)", dir, err)
	}
	var all []object
	for _, f := range files {
		objs, err := decode(f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, objs...)
	}
	return all
}

// TestManifestsDecodeStrictly: every manifest decodes strictly into its
// Kubernetes API type, and the set is the one the README's steps apply.
func TestManifestsDecodeStrictly(t *testing.T) {
	objs := manifests(t, ".")
	var names []string
	for _, o := range objs {
		switch v := o.obj.(type) {
		case *batchv1.Job:
			names = append(names, "Job/"+v.Name)
		case *corev1.Secret:
			names = append(names, "Secret/"+v.Name)
		case *corev1.PersistentVolumeClaim:
			names = append(names, "PersistentVolumeClaim/"+v.Name)
		default:
			t.Errorf("%s: %T is not used by the README's steps", o.where, o.obj)
		}
	}
	slices.Sort(names)
	want := []string{"Job/dipgraph-ingest", "Job/dipgraph-schema-apply", "PersistentVolumeClaim/dipgraph-articles", "Secret/dipgraph-neo4j"}
	if !slices.Equal(names, want) {
		t.Errorf("manifests = %v, want %v", names, want)
	}
}

// TestBadManifestsFail: each file of testdata/bad holds a mistake that must
// fail, and its first line "# want: TEXT" says what the error must contain.
// It is checked along with the shipped Secret and claim.
func TestBadManifestsFail(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no bad manifests: %v", err)
	}
	var others []object // the Secret and the claim, which a bad Job may name
	for _, o := range manifests(t, ".") {
		if _, ok := o.obj.(*batchv1.Job); !ok {
			others = append(others, o)
		}
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := bytes.Cut(data, []byte("\n"))
			want, ok := strings.CutPrefix(string(first), "# want: ")
			if !ok {
				t.Fatalf("first line %q: want \"# want: TEXT\"", first)
			}
			objs, err := decode(f)
			if err == nil {
				err = check(append(objs, others...))
			}
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error = %v, want one containing %q", err, want)
			}
		})
	}
}
