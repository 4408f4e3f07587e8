package main

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestStorageFailure(t *testing.T) {
	data := t.TempDir()
	flattened := errors.Join(errors.New("indexer: index: write batch of 20: segment: persist err: write x.zap: no space left on device"), syscall.ENOSPC)
	for _, tt := range []struct {
		name string
		args []string
		err  error
		want string // "" when err is no refusal of the storage
	}{
		{"flattened by Bleve", []string{"index", "--data", data, "docs"}, flattened,
			"cannot write to " + data + ": no space left on device"},
		{"flag with =", []string{"index", "-data=" + data, "docs"}, flattened,
			"cannot write to " + data + ": no space left on device"},
		{"default folder", []string{"index", "docs"}, flattened,
			"cannot write to " + absPath(defaultData) + ": no space left on device"},
		{"file in the folder", []string{"serve", "--data", data},
			fmt.Errorf("alerts: open: %w", &fs.PathError{Op: "open", Path: filepath.Join(data, "alerts.db"), Err: syscall.EACCES}),
			"cannot write to " + data + ": permission denied (open " + filepath.Join(data, "alerts.db") + ", as user "},
		{"read-only", []string{"index", "--data", data, "docs"},
			fmt.Errorf("index: create: %w", &fs.PathError{Op: "mkdir", Path: filepath.Join(data, "index.1"), Err: syscall.EROFS}),
			"cannot write to " + data + ": read-only file system (mkdir " + filepath.Join(data, "index.1") + ")"},
		{"backup destination", []string{"backup", "--data", data, "/mnt/full/copy"},
			fmt.Errorf("backup: %w", &fs.PathError{Op: "mkdir", Path: "/mnt/full/copy", Err: syscall.ENOSPC}),
			"cannot write to /mnt/full/copy: no space left on device (mkdir /mnt/full/copy)"},
		{"a folder to index that cannot be read", []string{"index", "--data", data, "/srv/docs"},
			fmt.Errorf("corpus: %w", &fs.PathError{Op: "open", Path: "/srv/docs", Err: syscall.EACCES}), ""},
		{"file-size limit", []string{"watch", "--data", data, "feeds.txt"}, errors.Join(errors.New("write: file too large"), syscall.EFBIG),
			"cannot write to " + data + ": file too large"},
		{"a positional argument named data", []string{"index", "data", "--data", data}, flattened,
			"cannot write to " + data + ": no space left on device"},
		{"other", []string{"index", "--data", data}, errors.New("index: built by another version"), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, _, ok := storageFailure(tt.args, tt.err)
			if tt.want == "" {
				if ok {
					t.Errorf("storageFailure = %q, want none", got)
				}
				return
			}
			if !ok || !strings.HasPrefix(got, tt.want) {
				t.Errorf("storageFailure = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}

func TestFailureLine_verboseKeepsTheChain(t *testing.T) {
	err := fmt.Errorf("indexer: index: write batch of 20: %w", syscall.ENOSPC)
	args := []string{"index", "--data", "d", "docs"}
	if got := failureLine(args, err); strings.Contains(got, "indexer:") {
		t.Errorf("failureLine = %q, want no Go error chain", got)
	}
	if got := failureLine(append(args, "--verbose"), err); !strings.Contains(got, "\n("+err.Error()+")") {
		t.Errorf("with --verbose, failureLine = %q, want the chain on a line of its own", got)
	}
	other := errors.New("index: name at least one file or folder")
	if got := failureLine(args, other); got != other.Error() {
		t.Errorf("failureLine = %q, want the error as it is", got)
	}
}
