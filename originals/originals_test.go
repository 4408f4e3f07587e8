package originals

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/advosearch/advosearch/corpus"
)

func TestStore_keepsOnceAndRefusesWhatIsNoHash(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "originals"))
	if err != nil {
		t.Fatal(err)
	}
	const hash = "0123456789abcdef0123456789abcdef"
	for range 2 {
		if err := s.Put(hash, corpus.TypePDF, []byte("%PDF-1.4 first")); err != nil {
			t.Fatal(err)
		}
	}
	f, ctype, err := s.Open(hash)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(f)
	f.Close()
	if ctype != corpus.TypePDF || string(b) != "%PDF-1.4 first" {
		t.Errorf("kept %q as %s", b, ctype)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "originals")); len(entries) != 1 {
		t.Errorf("%d files, want the one original and nothing left aside", len(entries))
	}

	for _, bad := range []string{"", "../../etc/passwd", "ABCDEF", hash + "/x"} {
		if err := s.Put(bad, corpus.TypePDF, []byte("x")); err == nil {
			t.Errorf("Put(%q) was accepted", bad)
		}
		if _, _, err := s.Open(bad); err == nil || errors.Is(err, ErrNotKept) {
			t.Errorf("Open(%q) = %v, want a refusal", bad, err)
		}
	}
	if err := s.Remove(hash); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Open(hash); !errors.Is(err, ErrNotKept) {
		t.Errorf("after Remove: %v, want ErrNotKept", err)
	}
}
