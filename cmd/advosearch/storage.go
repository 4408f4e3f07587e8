package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// storageErrnos are the refusals of the machine's storage that the person
// running advosearch can do something about, each told in words by
// storageHint. EFBIG is a file grown past the size limit the process was
// started with (ulimit -f, LimitFSIZE= in a systemd unit): Go ignores the
// SIGXFSZ that would otherwise kill the process, so the write fails with
// EFBIG.
var storageErrnos = []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT, syscall.EFBIG, syscall.EROFS, syscall.EACCES, syscall.EPERM}

// failureLine is the line that says what went wrong, after "advosearch: ".
// For a refusal of the storage it is storageFailure's sentence, since the
// Go error chain ("indexer: index: write batch of 20: segment: ... persist
// err: write .../00000000000a.zap: file too large") means nothing to the
// person who has to free space or fix a permission; with --verbose the
// chain follows on a line of its own, for a bug report.
func failureLine(args []string, err error) string {
	msg, _, ok := storageFailure(args, err)
	if !ok {
		return err.Error()
	}
	if hasFlag(args, "verbose") {
		msg += "\n(" + err.Error() + ")"
	}
	return msg
}

// storageHint says what to do about a refusal of the storage, "" for any
// other error. Batches are written whole or not at all, so after any of
// these the index is as it was before the failed batch.
func storageHint(args []string, err error) string {
	_, errno, ok := storageFailure(args, err)
	switch {
	case !ok:
		return ""
	case errno == syscall.ENOSPC, errno == syscall.EDQUOT:
		return "the disk is full: free some space, or pass --data with a folder on another disk, and run the same command again"
	case errno == syscall.EFBIG:
		// Another disk would not help: the limit is the process's.
		return "a file reached the size limit this process was started with (ulimit -f, or LimitFSIZE= in a systemd unit): raise or remove the limit, and run the same command again"
	}
	return "the data folder cannot be written: check its permissions, or pass --data with a writable folder"
}

// storageFailure is "cannot write to /srv/advosearch-data: permission denied
// (open /srv/advosearch-data/alerts.db, as user nobody)": the data folder as
// an absolute path, the system's words for the refusal, and the operation
// and file where the error names them. Bleve flattens the errors of its
// segment writes into text, so a full disk often comes without a file.
// ok is false when err is no refusal of the storage, or is a refusal to
// read a file outside the data folder, such as a folder given to index.
func storageFailure(args []string, err error) (msg string, errno syscall.Errno, ok bool) {
	for _, e := range storageErrnos {
		if errors.Is(err, e) {
			errno, ok = e, true
			break
		}
	}
	if !ok {
		return "", 0, false
	}
	data := absPath(dataArg(args))
	var detail []string
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		path := absPath(pathErr.Path)
		if rel, err := filepath.Rel(data, path); err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
			if errno == syscall.EACCES || errno == syscall.EPERM {
				return "", 0, false
			}
			data = path // a backup's destination, say
		}
		detail = append(detail, pathErr.Op+" "+path)
	}
	if errno == syscall.EACCES || errno == syscall.EPERM {
		detail = append(detail, "as user "+userName())
	}
	msg = fmt.Sprintf("cannot write to %s: %s", data, errno)
	if len(detail) > 0 {
		msg += " (" + strings.Join(detail, ", ") + ")"
	}
	return msg, errno, true
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// userName is the name of the user the process runs as, or its uid: a
// data folder made by root and a server started as another user is the
// most common permission problem.
func userName() string {
	uid := strconv.Itoa(syscall.Geteuid())
	if u, err := user.LookupId(uid); err == nil {
		return u.Username
	}
	return "with uid " + uid
}

// dataArg is the data folder args name with --data, or the default; the
// flag package has already accepted them by the time anything fails.
func dataArg(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
		if name != "data" || a == name {
			continue
		}
		if hasValue {
			return value
		}
		if i+1 < len(args) {
			return args[i+1]
		}
	}
	return defaultData
}
