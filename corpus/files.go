package corpus

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

var (
	// ErrUnsupported means the file's extension is not one advosearch reads.
	ErrUnsupported = errors.New("corpus: unsupported file type")
	// ErrTooLarge means a file, or a JSONL line, is over the size limit.
	ErrTooLarge = errors.New("corpus: too large")
)

// contentTypes maps the extensions advosearch reads.
var contentTypes = map[string]string{
	".txt":   TypeText,
	".text":  TypeText,
	".md":    TypeMD,
	".html":  TypeHTML,
	".htm":   TypeHTML,
	".jsonl": TypeJSONL,
	".pdf":   TypePDF,
	".docx":  TypeDOCX,
	".odt":   TypeODT,
}

// Skipped is a file that Scan or ReadFile passed over, with the reason.
type Skipped struct {
	Name string
	Err  error
}

// Extensions returns the file extensions advosearch reads, lower case and
// sorted, for messages that say what a skipped file should have been.
func Extensions() []string {
	exts := make([]string, 0, len(contentTypes))
	for ext := range contentTypes {
		exts = append(exts, ext)
	}
	sort.Strings(exts)
	return exts
}

// Listing is what List found under its paths.
type Listing struct {
	// Files are the files advosearch reads: absolute, sorted, each once.
	Files []string
	// Skipped are paths named directly that cannot be read (an unsupported
	// extension, wrapping ErrUnsupported), and entries of a folder that
	// could not be listed.
	Skipped []Skipped
	// Ignored counts the files inside folders passed over for their type,
	// by lower-case extension ("" for a name without one), so that a run
	// can say "ignored 3 .doc" instead of silently reading nothing. Hidden
	// files (.DS_Store, ._x AppleDouble files) are system litter, not
	// statements, and are not counted.
	Ignored map[string]int
}

// List lists the files under paths that advosearch reads, recursing into
// folders. Files with other extensions inside folders are passed over, as a
// folder of statements often holds images too, and counted in Ignored; a
// file named directly with such an extension is in Skipped. Symbolic links to
// folders are not followed, so link loops cannot trap it. A path that does
// not exist is an error wrapping fs.ErrNotExist, and nothing is listed.
func List(paths []string) (Listing, error) {
	var l Listing
	seen := map[string]bool{}
	add := func(p string) {
		if abs, err := filepath.Abs(p); err == nil && !seen[abs] {
			seen[abs] = true
			l.Files = append(l.Files, abs)
		}
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			return Listing{}, fmt.Errorf("corpus: %w", err)
		}
		if !info.IsDir() {
			if _, ok := contentTypes[strings.ToLower(filepath.Ext(root))]; !ok {
				l.Skipped = append(l.Skipped, Skipped{root, ErrUnsupported})
				continue
			}
			add(root)
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				l.Skipped = append(l.Skipped, Skipped{p, err})
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			ext := strings.ToLower(filepath.Ext(p))
			switch _, ok := contentTypes[ext]; {
			case ok:
				add(p)
			case !strings.HasPrefix(d.Name(), "."):
				if l.Ignored == nil {
					l.Ignored = map[string]int{}
				}
				l.Ignored[ext]++
			}
			return nil
		})
		if err != nil {
			return Listing{}, fmt.Errorf("corpus: scan %s: %w", root, err)
		}
	}
	sort.Strings(l.Files)
	return l, nil
}

// Scan is List without the count of ignored files.
func Scan(paths []string) (files []string, skipped []Skipped, err error) {
	l, err := List(paths)
	return l.Files, l.Skipped, err
}

// ReadFile reads the file at path (an absolute path, as Scan returns) and
// calls fn with each document in it: one for a text, Markdown or HTML file,
// one per non-blank line for JSONL, which is streamed so a JSONL file may be
// larger than memory. maxBytes bounds a document; a larger one yields
// ErrTooLarge, in a Skipped passed to skip, and reading goes on with the
// next line where there is one.
func ReadFile(path string, maxBytes int64, fn func(Document) error, skip func(Skipped)) error {
	ctype, ok := TypeOfName(path)
	if !ok {
		return fmt.Errorf("%w: %s", ErrUnsupported, path)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	if ctype == TypeJSONL {
		return ReadJSONL(f, path, 1, info.ModTime(), maxBytes, fn, skip)
	}
	if info.Size() > maxBytes {
		skip(Skipped{path, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, info.Size(), maxBytes)})
		return nil
	}
	// Read one byte past the limit: the file may have grown since Stat.
	body, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err != nil {
		return fmt.Errorf("corpus: read %s: %w", path, err)
	}
	if int64(len(body)) > maxBytes {
		skip(Skipped{path, fmt.Errorf("%w: over %d bytes", ErrTooLarge, maxBytes)})
		return nil
	}
	return fn(Document{ID: ID(path), Name: path, ContentType: ctype, Body: body, Fetched: info.ModTime()})
}

// ReadJSONL calls fn with a document for each non-blank line of r, a
// stream of JSON records named name (a path, or where they came from). A
// record with a URL takes its ID from it; others from name and line. A line
// over maxBytes is passed to skip, and reading goes on. firstLine is the
// line number of r's first line in the file name names: 1, unless r is a
// later part of it (a large file sent to a server in parts).
func ReadJSONL(r io.Reader, name string, firstLine int, fetched time.Time, maxBytes int64, fn func(Document) error, skip func(Skipped)) error {
	path := name
	br := bufio.NewReaderSize(r, 64<<10)
	for line := max(firstLine, 1); ; line++ {
		body, tooLong, err := readLine(br, maxBytes)
		if errors.Is(err, io.EOF) && len(body) == 0 && !tooLong {
			return nil
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("corpus: read %s: %w", path, err)
		}
		name := fmt.Sprintf("%s:%d", path, line)
		switch {
		case tooLong:
			skip(Skipped{name, fmt.Errorf("%w: line over %d bytes", ErrTooLarge, maxBytes)})
		case len(strings.TrimSpace(string(body))) > 0:
			var rec struct {
				URL string `json:"url"`
			}
			id := ID(name)
			// A record with a URL keeps its ID when lines move; a malformed
			// line keeps the path-and-line ID and is reported by the indexer.
			if json.Unmarshal(body, &rec) == nil && rec.URL != "" {
				id = ID(rec.URL)
			}
			if err := fn(Document{ID: id, Name: name, ContentType: TypeJSONL, Body: body, Fetched: fetched}); err != nil {
				return err
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
	}
}

// readLine reads one line without its newline. A line longer than max is
// consumed but not returned, and tooLong is set.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, err := br.ReadLine()
		if !tooLong {
			if int64(len(line)+len(chunk)) > max {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err != nil || !isPrefix {
			return line, tooLong, err
		}
	}
}
