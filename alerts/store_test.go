package alerts_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/alerts"
)

func TestStore_CRUD(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	s, _ := openStore(t, c)

	a := mustCreate(t, s, alerts.Alert{
		Name:          "  Myanmar  ",
		Query:         `"air strikes" myanmar`,
		Organizations: []string{"Amnesty International", " ", "Amnesty International"},
		WebhookURL:    "https://monitor.example/hooks/advosearch",
	})
	b := mustCreate(t, s, alerts.Alert{Name: "Sudan", Query: "sudan"})
	if a.ID != "1" || b.ID != "2" {
		t.Fatalf("IDs: got %q, %q, want 1, 2", a.ID, b.ID)
	}
	if a.Name != "Myanmar" || !reflect.DeepEqual(a.Organizations, []string{"Amnesty International"}) {
		t.Errorf("not normalized: got name %q, organizations %q", a.Name, a.Organizations)
	}
	if !a.Created.Equal(c.Now()) {
		t.Errorf("Created: got %v, want %v", a.Created, c.Now())
	}
	if len(a.WebhookSecret) != 64 || a.WebhookSecret == b.WebhookSecret {
		t.Errorf("secrets: got %q and %q, want two different ones of 32 hex bytes", a.WebhookSecret, b.WebhookSecret)
	}
	// The secret is shown once: Get and List leave it out.
	a.WebhookSecret, b.WebhookSecret = "", ""

	got, err := s.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, a) {
		t.Errorf("Get: got %+v, want %+v", got, a)
	}
	list, err := s.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != "1" || list[1].ID != "2" {
		t.Errorf("List: got %+v, want alerts 1 and 2", list)
	}

	if err := s.Delete(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{a.ID, "99", "", "01", "x"} {
		if _, err := s.Get(ctx, id); !errors.Is(err, alerts.ErrNotFound) {
			t.Errorf("Get(%q) after delete: got %v, want ErrNotFound", id, err)
		}
		if err := s.Delete(ctx, id); !errors.Is(err, alerts.ErrNotFound) {
			t.Errorf("Delete(%q): got %v, want ErrNotFound", id, err)
		}
	}
	// A deleted alert's ID is not given out again.
	if c := mustCreate(t, s, alerts.Alert{Name: "Belarus"}); c.ID != "3" {
		t.Errorf("ID after delete: got %q, want 3", c.ID)
	}
}

func TestStore_Create_invalid(t *testing.T) {
	s, _ := openStore(t, newClock())
	for _, tc := range []struct {
		name  string
		alert alerts.Alert
		field string
	}{
		{"no name", alerts.Alert{Name: "  ", Query: "x"}, "name"},
		{"long name", alerts.Alert{Name: strings.Repeat("é", alerts.MaxNameLen+1)}, "name"},
		{"long query", alerts.Alert{Name: "n", Query: strings.Repeat("a", alerts.MaxQueryLen+1)}, "query"},
		{"ftp webhook", alerts.Alert{Name: "n", WebhookURL: "ftp://monitor.example/hook"}, "webhook_url"},
		{"relative webhook", alerts.Alert{Name: "n", WebhookURL: "/hooks/1"}, "webhook_url"},
		{"no host", alerts.Alert{Name: "n", WebhookURL: "https://"}, "webhook_url"},
		{"bad URL", alerts.Alert{Name: "n", WebhookURL: "http://[::1"}, "webhook_url"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Create(context.Background(), tc.alert)
			var ve *alerts.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, alerts.ErrInvalid) {
				t.Fatalf("got %v, want a *ValidationError wrapping ErrInvalid", err)
			}
			if ve.Field != tc.field {
				t.Errorf("field: got %q, want %q", ve.Field, tc.field)
			}
		})
	}
	// The limit counts characters, not bytes.
	if _, err := s.Create(context.Background(), alerts.Alert{Name: strings.Repeat("é", alerts.MaxNameLen)}); err != nil {
		t.Errorf("name of %d characters: got %v, want nil", alerts.MaxNameLen, err)
	}
	list, err := s.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Errorf("invalid alerts were stored: got %d alerts, want 1", len(list))
	}
}

func TestStore_Reopen(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	path := filepath.Join(t.TempDir(), "data", "alerts.db")
	s, err := alerts.Open(path, alerts.Options{Clock: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	want := mustCreate(t, s, alerts.Alert{
		Name: "Myanmar", Query: "myanmar", Places: []string{"Myanmar"},
		From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), WebhookURL: "http://monitor.example/hook",
	})
	want.WebhookSecret = "" // shown once, by Create
	mustPercolate(t, s, batch(t))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: got %v, want nil", err)
	}

	s, err = alerts.Open(path, alerts.Options{Clock: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Get(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after reopen: got %+v, want %+v", got, want)
	}
	ms, _, err := s.Matches(ctx, want.ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 {
		t.Errorf("matches after reopen: got %d, want 2", len(ms))
	}
	out, err := s.Outbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 {
		t.Errorf("outbox after reopen: got %d deliveries, want 1", len(out))
	}
	// Sequences survive too: the next alert does not reuse ID 1.
	if next := mustCreate(t, s, alerts.Alert{Name: "Sudan"}); next.ID != "2" {
		t.Errorf("ID after reopen: got %q, want 2", next.ID)
	}
}

func TestOpen_locked(t *testing.T) {
	_, path := openStore(t, newClock())
	start := time.Now()
	s, err := alerts.Open(path, alerts.Options{}) // default LockTimeout, 1s
	if err == nil {
		s.Close()
		t.Fatal("second Open: got nil error, want ErrLocked")
	}
	if !errors.Is(err, alerts.ErrLocked) {
		t.Errorf("second Open: got %v, want ErrLocked", err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("second Open took %v, want about 1s", d)
	}
}

func TestStore_Delete_removesMatchesAndDeliveries(t *testing.T) {
	ctx := context.Background()
	s, _ := openStore(t, newClock())
	a := mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: "https://monitor.example/hook"})
	keep := mustCreate(t, s, alerts.Alert{Name: "Sudan", Query: "sudan", WebhookURL: "https://other.example/hook"})
	mustPercolate(t, s, batch(t))
	if err := s.Delete(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	out, err := s.Outbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || out[0].AlertID != keep.ID {
		t.Errorf("outbox after delete: got %+v, want only alert %s's delivery", out, keep.ID)
	}
	if _, _, err := s.Matches(ctx, a.ID, 0, 10); !errors.Is(err, alerts.ErrNotFound) {
		t.Errorf("Matches of deleted alert: got %v, want ErrNotFound", err)
	}
}
