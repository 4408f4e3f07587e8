package alerts

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLoadOrCreateSecret_isStableAndPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "webhook.secret")
	first, err := LoadOrCreateSecret(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != 64 {
		t.Errorf("secret %q is not 32 hex bytes", first)
	}
	again, err := LoadOrCreateSecret(path)
	if err != nil || again != first {
		t.Errorf("second load = %q, %v; want the same secret", again, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
}
