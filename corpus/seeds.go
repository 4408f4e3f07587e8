package corpus

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"
)

// seedFS holds the sample statements from ../shared/seeds, copied verbatim:
// their mess (PDF line breaks, site chrome, curly quotes) is what the
// extractor has to handle.
//
//go:embed seeds/*.txt
var seedFS embed.FS

// Seeds returns the embedded sample statements, in file-name order. Their IDs
// are the file names without extension.
func Seeds() ([]Document, error) {
	entries, err := fs.ReadDir(seedFS, "seeds")
	if err != nil {
		return nil, fmt.Errorf("corpus: read seeds: %w", err)
	}
	docs := make([]Document, 0, len(entries))
	for _, e := range entries {
		body, err := seedFS.ReadFile(path.Join("seeds", e.Name()))
		if err != nil {
			return nil, fmt.Errorf("corpus: read seed %s: %w", e.Name(), err)
		}
		docs = append(docs, Document{
			ID:          strings.TrimSuffix(e.Name(), path.Ext(e.Name())),
			Name:        SamplePrefix + e.Name(),
			ContentType: TypeText,
			Body:        body,
			Fetched:     time.Time{},
		})
	}
	return docs, nil
}
