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

func TestStore_CopyTo_copiesWhatIsKept(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "originals"))
	if err != nil {
		t.Fatal(err)
	}
	const hash = "00112233445566778899aabbccddeeff"
	if err := s.Put(hash, corpus.TypePDF, []byte("%PDF-1.4 kept")); err != nil {
		t.Fatal(err)
	}
	// A file being put when the backup runs is not copied half-written.
	if err := os.WriteFile(filepath.Join(dir, "originals", ".put-123"), []byte("%PDF-1.4 half"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.CopyTo(filepath.Join(dir, "backup")); err != nil {
		t.Fatal(err)
	}
	copied, err := Open(filepath.Join(dir, "backup"))
	if err != nil {
		t.Fatal(err)
	}
	f, ctype, err := copied.Open(hash)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(f)
	f.Close()
	if string(b) != "%PDF-1.4 kept" || ctype != corpus.TypePDF {
		t.Errorf("the copy holds %q as %s", b, ctype)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "backup")); len(entries) != 1 {
		t.Errorf("the copy holds %d files, want the one kept", len(entries))
	}
	if err := s.CopyTo(filepath.Join(dir, "backup")); err == nil {
		t.Error("a second backup into the same folder was accepted")
	}
}
