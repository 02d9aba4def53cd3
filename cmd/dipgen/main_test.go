package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	for _, tc := range []struct {
		name  string
		args  []string
		lines int
		err   error
	}{
		{"five", []string{"--n", "5"}, 5, nil},
		{"expected", []string{"--n", "2", "--expected", "--seed", "7"}, 2, nil},
		{"zero", []string{"--n", "0"}, 0, nil},
		{"extra argument", []string{"corpus.jsonl"}, 0, errUsage},
		{"bad flag", []string{"--nope"}, 0, errUsage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errw bytes.Buffer
			err := run(context.Background(), tc.args, &out, &errw)
			if !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if got := strings.Count(out.String(), "\n"); got != tc.lines {
				t.Fatalf("%d lines, want %d", got, tc.lines)
			}
			if tc.err == nil {
				var again bytes.Buffer
				if err := run(context.Background(), tc.args, &again, &errw); err != nil || !bytes.Equal(out.Bytes(), again.Bytes()) {
					t.Fatalf("second run differs (err %v)", err)
				}
			}
		})
	}
}
