package record_test

import (
	"errors"
	"testing"

	"github.com/advosearch/advosearch/record"
)

func TestStatus_Ready(t *testing.T) {
	down := errors.New("connection refused")
	for _, tc := range []struct {
		name   string
		st     record.Status
		status string
		ready  bool
	}{
		{"NotLookedYet", record.Status{Behind: -1}, "catching up", false},
		{"NotReachedYet", record.Status{Behind: -1, Err: down}, "catching up: the statement store is unreachable", false},
		{"Behind", record.Status{Applied: 10, Behind: 12}, "catching up, 12 behind", false},
		{"Current", record.Status{Applied: 22}, "", true},
		{"CurrentButCut", record.Status{Applied: 22, Err: down}, "ready; the statement store is unreachable, so writes are refused", true},
		{"RebuildNotLookedYet", record.Status{Behind: -1, Rebuilding: true}, "rebuilding the index from the statement store", false},
		{"RebuildNotReachedYet", record.Status{Behind: -1, Err: down, Rebuilding: true}, "rebuilding the index from the statement store, which is unreachable", false},
		{"RebuildBehind", record.Status{Applied: 500, Behind: 99500, Rebuilding: true}, "rebuilding the index from the statement store, 99500 behind", false},
		// Complete is not ready either: nothing serves the new generation
		// until Rebuild switches to it and the node opens it.
		{"RebuildComplete", record.Status{Applied: 100000, Rebuilding: true}, "rebuilding the index from the statement store, 0 behind", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, ready := tc.st.Ready()
			if status != tc.status || ready != tc.ready {
				t.Errorf("got %q %v, want %q %v", status, ready, tc.status, tc.ready)
			}
		})
	}
}
