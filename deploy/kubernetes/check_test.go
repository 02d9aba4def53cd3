package kubernetes

import (
	"errors"
	"fmt"
	"strconv"
	"testing"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
)

// connection is what every dipgraph pod needs from its Secret.
var connection = []string{"NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"}

// check finds what a strict decoding cannot: values outside an enumeration,
// names that refer to nothing, a shard count that is not the Job's
// completions, an ingest Job that is not Indexed. It returns every problem.
func check(objs []object) error {
	secrets := map[string]*corev1.Secret{}
	claims := map[string]bool{}
	for _, o := range objs {
		switch v := o.obj.(type) {
		case *corev1.Secret:
			secrets[v.Name] = v
		case *corev1.PersistentVolumeClaim:
			claims[v.Name] = true
		}
	}
	var errs []error
	images := map[string]string{}
	for _, o := range objs {
		job, ok := o.obj.(*batchv1.Job)
		if !ok {
			continue
		}
		bad := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("%s: Job %s: %s", o.where, job.Name, fmt.Sprintf(format, args...)))
		}
		checkJob(job, secrets, claims, bad)
		for _, c := range job.Spec.Template.Spec.Containers {
			images[job.Name] = c.Image
		}
	}
	var first string
	for name, img := range images {
		if first == "" {
			first = img
		} else if img != first {
			errs = append(errs, fmt.Errorf("Job %s: image %q, another Job runs %q: use one dipgraph image", name, img, first))
		}
	}
	return errors.Join(errs...)
}

func checkJob(job *batchv1.Job, secrets map[string]*corev1.Secret, claims map[string]bool, bad func(string, ...any)) {
	spec, pod := job.Spec, job.Spec.Template.Spec
	if rp := pod.RestartPolicy; rp != corev1.RestartPolicyNever && rp != corev1.RestartPolicyOnFailure {
		bad("restartPolicy %q: a Job's pods need Never or OnFailure", rp)
	}
	if spec.PodFailurePolicy != nil && pod.RestartPolicy != corev1.RestartPolicyNever {
		bad("podFailurePolicy needs restartPolicy Never")
	}
	indexed := spec.CompletionMode != nil && *spec.CompletionMode == batchv1.IndexedCompletion
	if m := spec.CompletionMode; m != nil && *m != batchv1.IndexedCompletion && *m != batchv1.NonIndexedCompletion {
		bad("completionMode %q: want Indexed or NonIndexed", *m)
	}
	if spec.BackoffLimitPerIndex != nil && !indexed {
		bad("backoffLimitPerIndex needs completionMode Indexed")
	}
	if len(pod.Containers) != 1 {
		bad("%d containers, want one dipgraph container", len(pod.Containers))
		return
	}
	c := pod.Containers[0]
	if spec.PodFailurePolicy != nil {
		for i, r := range spec.PodFailurePolicy.Rules {
			switch r.Action {
			case batchv1.PodFailurePolicyActionFailJob, batchv1.PodFailurePolicyActionIgnore, batchv1.PodFailurePolicyActionCount:
			case batchv1.PodFailurePolicyActionFailIndex:
				if spec.BackoffLimitPerIndex == nil {
					bad("podFailurePolicy rule %d: FailIndex needs backoffLimitPerIndex", i)
				}
			default:
				bad("podFailurePolicy rule %d: action %q: want FailJob, FailIndex, Ignore or Count", i, r.Action)
			}
			if e := r.OnExitCodes; e != nil {
				if e.ContainerName != nil && *e.ContainerName != c.Name {
					bad("podFailurePolicy rule %d: container %q: the container is %q", i, *e.ContainerName, c.Name)
				}
				if e.Operator != batchv1.PodFailurePolicyOnExitCodesOpIn && e.Operator != batchv1.PodFailurePolicyOnExitCodesOpNotIn {
					bad("podFailurePolicy rule %d: operator %q: want In or NotIn", i, e.Operator)
				}
			}
		}
	}
	if len(c.Args) == 0 {
		bad("container %s has no args: want a dipgraph command", c.Name)
		return
	}
	completions := 1
	if spec.Completions != nil {
		completions = int(*spec.Completions)
	}
	switch c.Args[0] {
	case "ingest":
		if !indexed {
			bad("ingest runs without completionMode Indexed: every pod would take every document")
		}
		shards := ""
		for _, e := range c.Env {
			if e.Name == "DIPGRAPH_SHARDS" {
				shards = e.Value
			}
		}
		if shards != strconv.Itoa(completions) {
			bad("DIPGRAPH_SHARDS is %q but completions is %d: the shards would not cover the documents", shards, completions)
		}
		if spec.Parallelism != nil && int(*spec.Parallelism) > completions {
			bad("parallelism %d above completions %d", *spec.Parallelism, completions)
		}
	case "schema":
		if completions != 1 || indexed {
			bad("schema apply runs once: completions 1, not Indexed")
		}
	default:
		bad("args %q: want a dipgraph ingest or schema command", c.Args)
	}
	fromSecret := map[string]bool{}
	for _, ef := range c.EnvFrom {
		if ef.SecretRef == nil {
			continue
		}
		s, ok := secrets[ef.SecretRef.Name]
		if !ok {
			bad("envFrom names Secret %q, which no manifest defines", ef.SecretRef.Name)
			continue
		}
		for k := range s.StringData {
			fromSecret[k] = true
		}
		for k := range s.Data {
			fromSecret[k] = true
		}
	}
	for _, k := range connection {
		if !fromSecret[k] {
			bad("container %s does not get %s from a Secret", c.Name, k)
		}
	}
	volumes := map[string]bool{}
	for _, v := range pod.Volumes {
		volumes[v.Name] = true
		if pvc := v.PersistentVolumeClaim; pvc != nil && !claims[pvc.ClaimName] {
			bad("volume %s names claim %q, which no manifest defines", v.Name, pvc.ClaimName)
		}
	}
	for _, m := range c.VolumeMounts {
		if !volumes[m.Name] {
			bad("volumeMount %q names no volume of the pod", m.Name)
		}
	}
	req, lim := c.Resources.Requests, c.Resources.Limits
	for _, r := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		if _, ok := req[r]; !ok {
			bad("container %s requests no %s", c.Name, r)
		}
	}
	if l, ok := lim[corev1.ResourceMemory]; !ok || l.Cmp(req[corev1.ResourceMemory]) < 0 {
		bad("container %s: memory limit %v below its request %v, or none", c.Name, l.String(), req.Memory())
	}
}

// TestManifestsConsistent: the shipped manifests pass check.
func TestManifestsConsistent(t *testing.T) {
	if err := check(manifests(t, ".")); err != nil {
		t.Error(err)
	}
}
