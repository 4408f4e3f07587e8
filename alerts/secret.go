package alerts

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// LoadOrCreateSecret returns the webhook signing secret kept in the file at
// path, creating it (32 random bytes, hex, mode 0600) the first time, so
// receivers keep verifying signatures across restarts without anyone having
// to invent a secret. The file is written to a temporary name, synced and
// renamed, so a crash leaves either no secret or a whole one.
func LoadOrCreateSecret(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		if s := strings.TrimSpace(string(b)); s != "" {
			return s, nil
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("alerts: read secret: %w", err)
	}
	secret, err := newSecret()
	if err != nil {
		return "", fmt.Errorf("alerts: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", fmt.Errorf("alerts: write secret: %w", err)
	}
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return "", fmt.Errorf("alerts: write secret: %w", err)
	}
	_, werr := f.WriteString(secret + "\n")
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("alerts: write secret: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", fmt.Errorf("alerts: write secret: %w", err)
	}
	return secret, nil
}

// newSecret is a new signing key: 32 random bytes in hex. Receivers use the
// hex string's bytes as the HMAC key, as they do with the file's.
func newSecret() (string, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", fmt.Errorf("make secret: %w", err)
	}
	return hex.EncodeToString(raw), nil
}
