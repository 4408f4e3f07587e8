package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/advosearch/advosearch/corpus"
)

// MaxRequestBytes keeps each request under the server's default ingest
// limit (10 MiB).
const MaxRequestBytes = 8 << 20

// ErrUnsupported means a document cannot be sent as a JSON record (a PDF:
// its text is extracted where it is indexed).
var ErrUnsupported = errors.New("client: cannot be sent to a server")

// Client talks to one server.
type Client struct {
	base, token string
	http        *http.Client
}

// New returns a client of the server at base (e.g. http://127.0.0.1:8080)
// that authenticates with token.
func New(base, token string) *Client {
	return &Client{base: strings.TrimRight(base, "/"), token: token, http: &http.Client{Timeout: 3 * time.Minute}}
}

// Result is the server's answer to one or more ingest requests.
type Result struct {
	IDs       []string `json:"ids"`
	Indexed   int      `json:"indexed"`
	Unchanged int      `json:"unchanged"`
	Skipped   []struct {
		Line   int    `json:"line,omitempty"`
		Name   string `json:"name,omitempty"`
		Reason string `json:"reason"`
	} `json:"skipped"`
}

// Record turns a document read from disk into the JSON record the ingest
// API takes. A file has no URL, so its absolute path as a file: URL stands
// in as its stable ID, the same on every run.
func Record(d corpus.Document) ([]byte, error) {
	if d.ContentType == corpus.TypeJSONL {
		var rec corpus.Record
		if err := json.Unmarshal(d.Body, &rec); err != nil {
			return nil, fmt.Errorf("client: %s: %w", d.Name, err)
		}
		if rec.URL == "" {
			rec.URL = fileURL(d.Name)
		}
		return json.Marshal(rec)
	}
	rec := corpus.Record{URL: fileURL(d.Name)}
	switch d.ContentType {
	case corpus.TypeHTML:
		rec.HTML = string(d.Body)
	case corpus.TypeText, corpus.TypeMD:
		rec.Body = string(d.Body)
	default:
		return nil, fmt.Errorf("%w: %s is %s", ErrUnsupported, d.Name, d.ContentType)
	}
	return json.Marshal(rec)
}

func fileURL(name string) string {
	return "file://" + filepath.ToSlash(name)
}

// Ingest sends JSON records, one a line, in requests of at most
// MaxRequestBytes, and adds up the answers.
func (c *Client) Ingest(ctx context.Context, records [][]byte) (Result, error) {
	var total Result
	var body bytes.Buffer
	send := func() error {
		if body.Len() == 0 {
			return nil
		}
		r, err := c.post(ctx, body.Bytes())
		body.Reset()
		if err != nil {
			return err
		}
		total.IDs = append(total.IDs, r.IDs...)
		total.Indexed += r.Indexed
		total.Unchanged += r.Unchanged
		total.Skipped = append(total.Skipped, r.Skipped...)
		return nil
	}
	for _, rec := range records {
		if body.Len()+len(rec)+1 > MaxRequestBytes {
			if err := send(); err != nil {
				return total, err
			}
		}
		body.Write(rec)
		body.WriteByte('\n')
	}
	return total, send()
}

func (c *Client) post(ctx context.Context, jsonl []byte) (Result, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/api/documents", bytes.NewReader(jsonl))
	if err != nil {
		return Result{}, fmt.Errorf("client: %w", err)
	}
	body, err := c.do(req, "application/x-ndjson")
	if err != nil {
		return Result{}, err
	}
	var r Result
	if err := json.Unmarshal(body, &r); err != nil {
		return Result{}, fmt.Errorf("client: reading the answer: %w", err)
	}
	return r, nil
}

// do sends an authenticated request, with a body of contentType unless
// that is "", and returns the body of a 2xx answer (201 Created, 204 No
// Content included), or an error carrying the server's own message.
func (c *Client) do(req *http.Request, contentType string) ([]byte, error) {
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return nil, fmt.Errorf("client: reading the answer: %w", err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		var e struct{ Error string }
		json.Unmarshal(body, &e)
		return nil, fmt.Errorf("client: the server answered %s: %s", resp.Status, e.Error)
	}
	return body, nil
}

// Backup asks the server to write a consistent copy of its data folder into
// dir, a new folder on the server's disk.
func (c *Client) Backup(ctx context.Context, dir string) error {
	body, err := json.Marshal(map[string]string{"dir": dir})
	if err != nil {
		return fmt.Errorf("client: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/api/backup", bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("client: %w", err)
	}
	_, err = c.do(req, "application/json")
	return err
}
