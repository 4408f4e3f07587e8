package client

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/advosearch/advosearch/corpus"
)

// MaxRequestBytes keeps each request under the server's default ingest
// limit (10 MiB). A JSONL file is sent in parts of at most this size.
const MaxRequestBytes = 8 << 20

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
	// Duplicates counts the documents whose content a statement already
	// had, read from another origin: they add to its origins.
	Duplicates int    `json:"duplicates"`
	Skipped    []Skip `json:"skipped"`
}

// Skip is a record or file that was not indexed, and why.
type Skip struct {
	Line   int    `json:"line,omitempty"`
	Name   string `json:"name,omitempty"`
	Reason string `json:"reason"`
}

// Add adds the counts and lists of o to r.
func (r *Result) Add(o Result) {
	r.IDs = append(r.IDs, o.IDs...)
	r.Indexed += o.Indexed
	r.Unchanged += o.Unchanged
	r.Duplicates += o.Duplicates
	r.Skipped = append(r.Skipped, o.Skipped...)
}

// SendFile sends a file's bytes as they are on disk, for the server to read
// them as "advosearch index" would. origin is the file's absolute path: the
// server derives the statements' IDs from it, so they are those of the file
// indexed locally. A JSONL file is streamed in parts of at most
// MaxRequestBytes that end at line ends, each saying its first line, which
// record IDs may carry; a line longer than that is skipped here, with its
// reason, as the server would.
func (c *Client) SendFile(ctx context.Context, origin, contentType string, r io.Reader) (Result, error) {
	if contentType != corpus.TypeJSONL {
		body, err := io.ReadAll(r)
		if err != nil {
			return Result{}, fmt.Errorf("client: read %s: %w", origin, err)
		}
		return c.send(ctx, origin, contentType, 1, body)
	}
	var total Result
	var part bytes.Buffer
	first, line := 1, 0
	flush := func() error {
		if part.Len() == 0 {
			return nil
		}
		res, err := c.send(ctx, origin, contentType, first, part.Bytes())
		total.Add(res)
		part.Reset()
		return err
	}
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		text, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// Too long for one buffer: copy what the buffer holds before
			// reading the rest of the line over it.
			head := bytes.Clone(text)
			rest, rerr := br.ReadBytes('\n')
			text, err = append(head, rest...), rerr
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return total, fmt.Errorf("client: read %s: %w", origin, err)
		}
		if len(text) == 0 {
			break
		}
		line++
		switch {
		case len(text) > MaxRequestBytes:
			total.Skipped = append(total.Skipped, Skip{Line: line, Name: origin, Reason: fmt.Sprintf("line over %d bytes", MaxRequestBytes)})
			text = []byte("\n") // keeps the lines after it numbered as in the file
		case part.Len()+len(text) > MaxRequestBytes:
			if ferr := flush(); ferr != nil {
				return total, ferr
			}
		}
		if part.Len() == 0 {
			first = line
		}
		part.Write(text)
		if errors.Is(err, io.EOF) {
			break
		}
	}
	if err := flush(); err != nil {
		return total, err
	}
	return total, nil
}

func (c *Client) send(ctx context.Context, origin, contentType string, line int, body []byte) (Result, error) {
	q := url.Values{"origin": {origin}}
	if line > 1 {
		q.Set("line", strconv.Itoa(line))
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/api/documents?"+q.Encode(), bytes.NewReader(body))
	if err != nil {
		return Result{}, fmt.Errorf("client: %w", err)
	}
	answer, err := c.do(req, contentType)
	if err != nil {
		return Result{}, err
	}
	var r Result
	if err := json.Unmarshal(answer, &r); err != nil {
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
		return nil, &ServerError{Status: resp.StatusCode, Message: e.Error, status: resp.Status}
	}
	return body, nil
}

// ServerError is a request the server refused or failed, with its reason.
type ServerError struct {
	Status  int    // the HTTP status code
	Message string // the server's own words
	status  string
}

func (e *ServerError) Error() string {
	return fmt.Sprintf("client: the server answered %s: %s", e.status, e.Message)
}

// Refused reports whether the server refused what was sent (a 4xx other
// than a missing token or too many requests), rather than failing or
// refusing the client: the next file may still go through.
func (e *ServerError) Refused() bool {
	return e.Status >= 400 && e.Status < 500 &&
		e.Status != http.StatusUnauthorized && e.Status != http.StatusForbidden && e.Status != http.StatusTooManyRequests
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
