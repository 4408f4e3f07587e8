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
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, ready := tc.st.Ready()
			if status != tc.status || ready != tc.ready {
				t.Errorf("got %q %v, want %q %v", status, ready, tc.status, tc.ready)
			}
		})
	}
}
