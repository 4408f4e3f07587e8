package alerts

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits on an Alert, checked by Store.Create.
const (
	// MaxNameLen bounds Alert.Name in characters.
	MaxNameLen = 200
	// MaxQueryLen bounds Alert.Query in bytes; it is search.MaxQueryLen, so an
	// alert can always be run as a search.
	MaxQueryLen = 2_000
	// MaxFilterValues bounds each of the Organizations, People, Places and
	// Sources lists.
	MaxFilterValues = 50
	// MaxURLLen bounds Alert.WebhookURL in bytes.
	MaxURLLen = 2_048
)

var (
	// ErrInvalid is wrapped by every error caused by the caller's input
	// rather than by the store: a web handler should answer 400.
	ErrInvalid = errors.New("alerts: invalid")
	// ErrNotFound means no alert (or delivery) has the ID.
	ErrNotFound = errors.New("alerts: not found")
	// ErrLocked means another process holds the alerts file open.
	ErrLocked = errors.New("alerts: in use by another process")
	// ErrVersion means the alerts file was written by another format version.
	ErrVersion = errors.New("alerts: written by another version of advosearch")
)

// ValidationError says which field of an alert (or option) is wrong and why.
// It unwraps to ErrInvalid.
type ValidationError struct {
	Field, Value, Reason string
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("alerts: %s %q %s", e.Field, e.Value, e.Reason)
}

func (e *ValidationError) Unwrap() error { return ErrInvalid }

// Alert is a saved search. Its fields mean what the fields of search.Request
// with the same names mean; the Matcher applies all of them.
type Alert struct {
	// ID is assigned by Store.Create: a short decimal string from a counter
	// that never goes back, so a deleted alert's ID is never reused.
	ID   string
	Name string
	// Query uses the syntax of package query; empty matches every statement
	// (narrowed by the filters).
	Query                                  string
	Organizations, People, Places, Sources []string
	// From, if set, leaves out statements published before that day (and
	// statements without a date).
	From time.Time
	// WebhookURL, if set, receives a signed POST for each batch of new
	// matches (see Deliverer). It must be an absolute http or https URL.
	WebhookURL string
	// Created is set by Store.Create. Statements indexed before it are never
	// matched: an alert is about what is new.
	Created time.Time
	// WebhookSecret is the alert's own key for signing its webhook
	// deliveries. Store.Create makes it and Store.RotateSecret replaces it;
	// only the Alert those two return carries it. Get and List leave it
	// empty, so that it is shown once, as GitHub and Stripe show theirs.
	// Alerts made before per-alert secrets have none until rotated: their
	// deliveries are signed with DelivererOptions.Secret.
	WebhookSecret string
}

// newAlert is a, trimmed and checked, made at now with a new
// WebhookSecret: what Create stores, but for its ID.
func newAlert(a Alert, now time.Time) (Alert, error) {
	if err := a.normalize(); err != nil {
		return Alert{}, err
	}
	a.Created = now
	secret, err := newSecret()
	if err != nil {
		return Alert{}, fmt.Errorf("alerts: create %q: %w", a.Name, err)
	}
	a.WebhookSecret = secret
	return a, nil
}

// normalize trims the alert and checks it. The query's syntax is not checked
// here: the caller parses it with package query before Create.
func (a *Alert) normalize() error {
	a.Name = strings.TrimSpace(a.Name)
	a.Query = strings.TrimSpace(a.Query)
	a.WebhookURL = strings.TrimSpace(a.WebhookURL)
	switch n := utf8.RuneCountInString(a.Name); {
	case n == 0:
		return &ValidationError{Field: "name", Value: a.Name, Reason: "is required"}
	case n > MaxNameLen:
		return &ValidationError{Field: "name", Value: clip(a.Name), Reason: fmt.Sprintf("is longer than %d characters", MaxNameLen)}
	case !utf8.ValidString(a.Name):
		return &ValidationError{Field: "name", Value: a.Name, Reason: "is not valid UTF-8"}
	case len(a.Query) > MaxQueryLen:
		return &ValidationError{Field: "query", Value: clip(a.Query), Reason: fmt.Sprintf("is longer than %d bytes", MaxQueryLen)}
	}
	for _, f := range []struct {
		name string
		vals *[]string
	}{{"organizations", &a.Organizations}, {"people", &a.People}, {"places", &a.Places}, {"sources", &a.Sources}} {
		*f.vals = cleanValues(*f.vals)
		if len(*f.vals) > MaxFilterValues {
			return &ValidationError{Field: f.name, Value: strconv.Itoa(len(*f.vals)), Reason: fmt.Sprintf("has more than %d values", MaxFilterValues)}
		}
	}
	if !a.From.IsZero() {
		a.From = a.From.UTC()
	}
	if a.WebhookURL != "" {
		if err := checkWebhookURL(a.WebhookURL); err != nil {
			return err
		}
	}
	return nil
}

func checkWebhookURL(s string) error {
	if len(s) > MaxURLLen {
		return &ValidationError{Field: "webhook_url", Value: clip(s), Reason: fmt.Sprintf("is longer than %d bytes", MaxURLLen)}
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return &ValidationError{Field: "webhook_url", Value: s, Reason: "is not a URL"}
	case u.Scheme != "http" && u.Scheme != "https":
		return &ValidationError{Field: "webhook_url", Value: s, Reason: "must start with http:// or https://"}
	case u.Host == "" || u.Hostname() == "":
		return &ValidationError{Field: "webhook_url", Value: s, Reason: "has no host"}
	}
	// Private destinations are refused when a delivery dials, not here: a
	// name that is public today can resolve to 127.0.0.1 tomorrow.
	return nil
}

// cleanValues trims the values and drops empty ones and repeats, keeping the
// order.
func cleanValues(vs []string) []string {
	var out []string
	seen := make(map[string]bool, len(vs))
	for _, v := range vs {
		v = strings.TrimSpace(v)
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, v)
	}
	return out
}

// clip shortens a long value for an error message.
func clip(s string) string {
	const n = 40
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// formatID and parseID convert between an alert's ID and its bbolt sequence.
func formatID(seq uint64) string { return strconv.FormatUint(seq, 10) }

func parseID(id string) (uint64, bool) {
	n, err := strconv.ParseUint(id, 10, 64)
	// "007" parses, but is not an ID we gave out.
	if err != nil || n == 0 || formatID(n) != id {
		return 0, false
	}
	return n, true
}
