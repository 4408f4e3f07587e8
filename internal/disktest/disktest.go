// Package disktest gives a fault test a disk of its own to fill up or make
// read-only: a tmpfs mounted on a new folder, the only way to fill a disk
// without filling the machine's. Mounting needs root; the tests that use it
// skip without.
package disktest

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Mount mounts a tmpfs of size (as mount(8) reads it: "2m") on a new
// folder, returns the folder, and unmounts it when the test ends. The test
// is skipped where mounting is not allowed.
func Mount(t testing.TB, size string) string {
	t.Helper()
	dir := t.TempDir()
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput()
	if err != nil {
		msg := strings.ToLower(string(out))
		if os.Geteuid() != 0 || strings.Contains(msg, "permission denied") || strings.Contains(msg, "not permitted") || strings.Contains(msg, "superuser") {
			t.Skipf("cannot mount a tmpfs to fill up: %v: %s", err, out)
		}
		t.Fatalf("mount tmpfs on %s: %v: %s", dir, err, out)
	}
	// Registered after t.TempDir, so it runs before the folder is removed.
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			if lout, lerr := exec.Command("umount", "-l", dir).CombinedOutput(); lerr != nil {
				t.Errorf("umount %s: %v: %s; umount -l: %v: %s", dir, err, out, lerr, lout)
			}
		}
	})
	return dir
}

// Remount changes the options of a disk Mount made: "size=32m" to make
// room, "ro" or "rw".
func Remount(t testing.TB, dir, opts string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,"+opts, dir).CombinedOutput(); err != nil {
		t.Fatalf("remount %s %s: %v: %s", dir, opts, err, out)
	}
}
