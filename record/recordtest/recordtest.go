// Package recordtest helps tests of nodes that follow the record: it
// leaves a node's index as a build with another mapping version would,
// which only a rebuild from the record (record.Rebuild) gets past.
package recordtest

import (
	"errors"
	"strconv"
	"testing"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2"
)

// versionKey is where package index keeps the mapping version of an
// index; MarkOlderVersion checks that index.Open refuses what it wrote, so
// a renamed key fails the tests that use it rather than passing them.
const versionKey = "advosearch.mapping_version"

// MarkOlderVersion makes the closed index at path (the link to its
// generation) look built by the mapping version before this build's, as an
// upgraded binary finds it.
func MarkOlderVersion(t testing.TB, path string) {
	t.Helper()
	b, err := bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.SetInternal([]byte(versionKey), []byte(strconv.Itoa(index.MappingVersion-1))); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := index.Open(path, index.Options{}); !errors.Is(err, index.ErrVersion) {
		t.Fatalf("recordtest: index marked older opens with %v, want index.ErrVersion", err)
	}
}
