package web

import (
	"net/url"
	"path"
	"path/filepath"
	"strings"
)

// Origins that are neither paths nor URLs, as package corpus and the
// ingest route name them (index.Statement.Origin).
const (
	originSample  = "seed:"    // an embedded sample statement
	originUpload  = "upload:"  // a file sent to the server: "upload:HASH/name"
	originRequest = "request:" // a record sent to POST /api/documents: "request:3"
)

// provenance says in words where a statement came from, for the people who
// read its page: a file by its name, a web page by its address. It never
// shows the server's paths or our internal names ("seed:…", "request:3").
// It is the one place that reads an origin for people, so that a change to
// how origins are written changes only this function. "" means nothing is
// known.
func provenance(origin string) string {
	origin = strings.TrimSpace(origin)
	switch {
	case origin == "":
		return ""
	case strings.HasPrefix(origin, originSample):
		return "Built-in sample statement"
	case strings.HasPrefix(origin, originUpload):
		_, name, _ := strings.Cut(strings.TrimPrefix(origin, originUpload), "/")
		if name = path.Base("/" + name); name != "/" {
			return "Sent to the server as the file " + name
		}
		return "Sent to the server as a file"
	case strings.HasPrefix(origin, originRequest):
		return "Sent to the server"
	}
	if u, err := url.Parse(origin); err == nil && u.Host != "" && (u.Scheme == "http" || u.Scheme == "https") {
		return "Fetched from " + origin
	}
	file := origin
	if u, err := url.Parse(origin); err == nil && u.Scheme == "file" {
		file = u.Path
	}
	if !filepath.IsAbs(file) && !path.IsAbs(file) {
		// Not a path of ours either: say no more than that it came in.
		return "Sent to the server"
	}
	// A record of a JSONL file is "path:line".
	if i := strings.LastIndexByte(file, ':'); i > 0 && i < len(file)-1 && strings.Trim(file[i+1:], "0123456789") == "" &&
		strings.EqualFold(filepath.Ext(file[:i]), ".jsonl") {
		return "Indexed from line " + file[i+1:] + " of the file " + filepath.Base(file[:i])
	}
	return "Indexed from the file " + filepath.Base(file)
}
