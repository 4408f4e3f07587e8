package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"github.com/advosearch/advosearch/index"
)

func TestHint(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("index: write batch of 500: %w", &fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}), "disk is full"},
		{fmt.Errorf("index: create d: %w", &fs.PathError{Op: "mkdir", Path: "d", Err: syscall.EROFS}), "cannot be written"},
		{fmt.Errorf("alerts: open: %w", &fs.PathError{Op: "open", Path: "advosearch-data/alerts.db", Err: syscall.EACCES}), "cannot be written"},
		// A folder given to index that cannot be read is not the data folder.
		{fmt.Errorf("corpus: %w", &fs.PathError{Op: "open", Path: "/srv/statements", Err: syscall.EACCES}), ""},
		{errors.Join(errors.New("index: write batch of 20: segment: persist err: file too large"), syscall.EFBIG), "ulimit -f"},
		{fmt.Errorf("%w: /d/index (stop the other advosearch process, or pass --data with another folder)", index.ErrLocked), "advosearch index --server URL --token T"},
		{errors.New("index: something else"), ""},
	} {
		if got := hint([]string{"index"}, tt.err); (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("hint(%v) = %q, want it to say %q", tt.err, got, tt.want)
		}
	}
}
