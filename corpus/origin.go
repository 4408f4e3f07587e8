package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"mime"
	"net/url"
	"path"
	"path/filepath"
	"strings"
)

// ID derives a statement's stable, URL-safe ID from its origin: a file's
// absolute path, "path:line" for a record of a JSONL file, or a URL. A
// file: URL names the same file as its path, so a file indexed here and the
// same file sent to a server (advosearch index --server) are one statement.
func ID(origin string) string {
	sum := sha256.Sum256([]byte(CanonicalOrigin(origin)))
	return hex.EncodeToString(sum[:8])
}

// CanonicalOrigin returns the form of origin its ID is derived from: the
// path of a local file: URL, and anything else as it is. URLs are not
// otherwise normalised, so that IDs stay those of indexes already built.
func CanonicalOrigin(origin string) string {
	if !strings.HasPrefix(origin, "file:") {
		return origin
	}
	u, err := url.Parse(origin)
	if err != nil || (u.Host != "" && u.Host != "localhost") || !strings.HasPrefix(u.Path, "/") {
		return origin
	}
	return filepath.FromSlash(u.Path)
}

// PublicURL returns u if it is an absolute http or https URL, which readers
// of a citation, an export or a feed can follow, and "" for anything else:
// a local path or file: URL names a file on someone's disk, not a source.
func PublicURL(u string) string {
	u = strings.TrimSpace(u)
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

// IsLocal reports whether origin names a file on the indexing machine (a
// path, a file: URL, or a record of a local JSONL file), which is shown as
// provenance but never published as a link.
func IsLocal(origin string) bool {
	return filepath.IsAbs(CanonicalOrigin(origin))
}

// mediaAliases are media types other programs send for the types of
// contentTypes.
var mediaAliases = map[string]string{
	"application/x-ndjson":  TypeJSONL,
	"application/jsonlines": TypeJSONL,
	"application/xhtml+xml": TypeHTML,
	"text/x-markdown":       TypeMD,
}

// TypeOfMedia returns the document type of a media type (a Content-Type,
// parameters allowed), and whether advosearch reads it.
func TypeOfMedia(contentType string) (string, bool) {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return "", false
	}
	if t, ok := mediaAliases[mt]; ok {
		return t, true
	}
	for _, t := range contentTypes {
		if t == mt {
			return t, true
		}
	}
	return "", false
}

// TypeOfName returns the document type of a file name by its extension, and
// whether advosearch reads it.
func TypeOfName(name string) (string, bool) {
	t, ok := contentTypes[strings.ToLower(filepath.Ext(name))]
	return t, ok
}

// MediaTypes returns the media types advosearch reads, for messages.
func MediaTypes() []string {
	seen := map[string]bool{}
	var out []string
	for _, ext := range Extensions() {
		if t := contentTypes[ext]; !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// Kinds of Provenance.
const (
	FromFile   = "file"   // a file indexed from disk
	FromRecord = "record" // a line of a JSONL file indexed from disk
	FromWeb    = "web"    // a page or feed item fetched from its URL
	FromSample = "sample" // one of the embedded sample statements
	FromAPI    = "api"    // a record sent to the server's API
	FromUpload = "upload" // a file sent to the server with no origin
)

// Provenance says where a statement came from in words people can read,
// without the paths of anyone's disk: a file by its name, a web page by its
// URL.
type Provenance struct {
	Kind string // one of the From constants
	// Name is the file's name ("report.pdf"), "batch.jsonl line 5", the URL
	// or the sample's name; "" when there is nothing more to say.
	Name string
}

// ProvenanceOf reads an origin: what Document.Name holds, as a statement
// keeps it.
func ProvenanceOf(origin string) Provenance {
	switch {
	case strings.HasPrefix(origin, SamplePrefix):
		return Provenance{FromSample, strings.TrimPrefix(origin, SamplePrefix)}
	case strings.HasPrefix(origin, UploadPrefix):
		_, name, _ := strings.Cut(strings.TrimPrefix(origin, UploadPrefix), "/")
		return Provenance{FromUpload, name}
	case PublicURL(origin) != "":
		return Provenance{FromWeb, origin}
	case IsLocal(origin):
		path := CanonicalOrigin(origin)
		if file, line, ok := recordOf(path); ok {
			return Provenance{FromRecord, filepath.Base(file) + " line " + line}
		}
		return Provenance{FromFile, filepath.Base(path)}
	}
	return Provenance{Kind: FromAPI}
}

// recordOf splits "path:line", the origin of a JSONL record.
func recordOf(origin string) (file, line string, ok bool) {
	i := strings.LastIndexByte(origin, ':')
	if i < 0 || i == len(origin)-1 || strings.Trim(origin[i+1:], "0123456789") != "" {
		return "", "", false
	}
	return origin[:i], origin[i+1:], strings.EqualFold(filepath.Ext(origin[:i]), ".jsonl")
}

// Prefixes of origins that are neither paths nor URLs.
const (
	SamplePrefix = "seed:"
	// UploadPrefix starts the origin of a file sent to a server without
	// one: "upload:" + its content hash, then "/" and the name it was sent
	// under, if any. The same bytes sent again are the same statement.
	UploadPrefix = "upload:"
)

// UploadOrigin is the origin of body sent to a server without an origin of
// its own, under the file name name ("" for none).
func UploadOrigin(body []byte, name string) string {
	sum := sha256.Sum256(body)
	// A browser sends a bare name, another client may send a path: only
	// the last element is the file's name.
	base := path.Base("/" + strings.ReplaceAll(name, `\`, "/"))
	if base == "/" {
		base = ""
	}
	return UploadPrefix + hex.EncodeToString(sum[:16]) + "/" + base
}

// String says it in a few words: "report.pdf", "batch.jsonl line 5", the
// URL, "sample statement amnesty-2024", "sent to the server".
func (p Provenance) String() string {
	switch {
	case p.Kind == FromSample:
		return "sample statement " + strings.TrimSuffix(p.Name, path.Ext(p.Name))
	case p.Name != "":
		return p.Name
	case p.Kind == FromUpload:
		return "a file sent to the server"
	}
	return "sent to the server"
}

// ExtensionOf returns the usual file extension of a document type (".pdf"),
// and whether advosearch reads the type.
func ExtensionOf(ctype string) (string, bool) {
	if ext, ok := usualExtensions[ctype]; ok {
		return ext, true
	}
	for ext, t := range contentTypes {
		if t == ctype {
			return ext, true
		}
	}
	return "", false
}

// usualExtensions are those of the types that have more than one.
var usualExtensions = map[string]string{TypeText: ".txt", TypeHTML: ".html"}
