package alerts_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/alerts/alertstest"
	bolt "go.etcd.io/bbolt"
)

// verifies says whether the delivery checks out with the key.
func verifies(c *clock, key string, d alertstest.Delivery) bool {
	return d.VerifiesWith(key, c.Now())
}

// TestDeliverer_perAlertSecret: each alert's deliveries are signed with its
// own secret, so the receiver of one alert cannot verify, and so cannot
// forge, another's.
func TestDeliverer_perAlertSecret(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	s, _ := openStore(t, c)
	ra, rb := alertstest.NewReceiver(t), alertstest.NewReceiver(t)
	a := mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: ra.URL})
	b := mustCreate(t, s, alerts.Alert{Name: "Sudan", Query: "sudan", WebhookURL: rb.URL})
	if a.WebhookSecret == "" || a.WebhookSecret == b.WebhookSecret {
		t.Fatalf("secrets: got %q and %q, want two different ones", a.WebhookSecret, b.WebhookSecret)
	}
	mustPercolate(t, s, batch(t))
	if n, err := newDeliverer(s, c, alerts.DelivererOptions{AllowPrivate: true}).DeliverDue(ctx); err != nil || n != 2 {
		t.Fatalf("DeliverDue: got %d, %v; want 2 delivered", n, err)
	}
	da, db := ra.Deliveries(), rb.Deliveries()
	if len(da) != 1 || len(db) != 1 {
		t.Fatalf("got %d and %d deliveries, want 1 each", len(da), len(db))
	}
	for _, tc := range []struct {
		name string
		key  string
		d    alertstest.Delivery
		want bool
	}{
		{"A's delivery with A's secret", a.WebhookSecret, da[0], true},
		{"B's delivery with B's secret", b.WebhookSecret, db[0], true},
		{"B's delivery with A's secret", a.WebhookSecret, db[0], false},
		{"A's delivery with B's secret", b.WebhookSecret, da[0], false},
		{"A's delivery with the server-wide secret", string(secret), da[0], false},
	} {
		if got := verifies(c, tc.key, tc.d); got != tc.want {
			t.Errorf("%s: verifies %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestStore_RotateSecret: a delivery queued before a rotation is still
// signed with the old secret on every attempt; deliveries queued after it
// with the new one.
func TestStore_RotateSecret(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	s, _ := openStore(t, c)
	r := alertstest.NewReceiver(t)
	a := mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: r.URL})
	stmts := batch(t)
	mustPercolate(t, s, stmts[:1]) // queued with the first secret

	rotated, err := s.RotateSecret(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rotated.ID != a.ID || rotated.WebhookSecret == "" || rotated.WebhookSecret == a.WebhookSecret {
		t.Fatalf("RotateSecret: got alert %s with secret %q; want alert %s with a new one", rotated.ID, rotated.WebhookSecret, a.ID)
	}
	if got, err := s.Get(ctx, a.ID); err != nil || got.WebhookSecret != "" {
		t.Errorf("Get after rotation: got secret %q, err %v; want it left out", got.WebhookSecret, err)
	}
	mustPercolate(t, s, stmts[2:3]) // queued with the new secret

	if n, err := newDeliverer(s, c, alerts.DelivererOptions{AllowPrivate: true}).DeliverDue(ctx); err != nil || n != 2 {
		t.Fatalf("DeliverDue: got %d, %v; want 2 delivered", n, err)
	}
	got := r.Deliveries()
	if len(got) != 2 {
		t.Fatalf("got %d deliveries, want 2", len(got))
	}
	// The outbox is sent oldest first, but two workers may reorder them.
	before, after := got[0], got[1]
	if payloadStatement(t, before) != stmts[0].ID {
		before, after = after, before
	}
	if !verifies(c, a.WebhookSecret, before) || verifies(c, rotated.WebhookSecret, before) {
		t.Errorf("delivery queued before the rotation: want it to verify with the old secret only")
	}
	if !verifies(c, rotated.WebhookSecret, after) || verifies(c, a.WebhookSecret, after) {
		t.Errorf("delivery queued after the rotation: want it to verify with the new secret only")
	}

	if _, err := s.RotateSecret(ctx, "99"); !errors.Is(err, alerts.ErrNotFound) {
		t.Errorf("RotateSecret of an unknown alert: got %v, want ErrNotFound", err)
	}
}

// TestDeliverer_legacyAlertUsesServerSecret: an alert stored before
// per-alert secrets has none, and its deliveries are signed with the
// server-wide secret, so existing receivers keep working; rotating gives it
// its own.
func TestDeliverer_legacyAlertUsesServerSecret(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	s, path := openStore(t, c)
	r := alertstest.NewReceiver(t)
	a := mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: r.URL})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	stripSecrets(t, path)
	s, err := alerts.Open(path, alerts.Options{Clock: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	mustPercolate(t, s, batch(t)[:1])
	rotated, err := s.RotateSecret(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	mustPercolate(t, s, batch(t)[2:3])
	if n, err := newDeliverer(s, c, alerts.DelivererOptions{AllowPrivate: true}).DeliverDue(ctx); err != nil || n != 2 {
		t.Fatalf("DeliverDue: got %d, %v; want 2 delivered", n, err)
	}
	for _, d := range r.Deliveries() {
		old := payloadStatement(t, d) == batch(t)[0].ID
		if old && !verifies(c, string(secret), d) {
			t.Errorf("delivery of the legacy alert: does not verify with the server-wide secret")
		}
		if !old && !verifies(c, rotated.WebhookSecret, d) {
			t.Errorf("delivery after the legacy alert's rotation: does not verify with its new secret")
		}
	}
}

// stripSecrets rewrites every alert in the closed alerts file without its
// webhook_secret, as a build before per-alert secrets wrote it.
func stripSecrets(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("alerts"))
		type kv struct{ k, v []byte }
		var rewrite []kv
		err := b.ForEach(func(k, v []byte) error {
			var rec map[string]any
			if err := json.Unmarshal(v, &rec); err != nil {
				return err
			}
			if _, ok := rec["webhook_secret"]; !ok {
				t.Errorf("stored alert %s has no webhook_secret: the test no longer strips anything", k)
			}
			delete(rec, "webhook_secret")
			nv, err := json.Marshal(rec)
			if err != nil {
				return err
			}
			rewrite = append(rewrite, kv{append([]byte(nil), k...), nv})
			return nil
		})
		if err != nil {
			return err
		}
		for _, e := range rewrite {
			if err := b.Put(e.k, e.v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// payloadStatement is the ID of the first statement a delivery carries.
func payloadStatement(t *testing.T, d alertstest.Delivery) string {
	t.Helper()
	var p alerts.WebhookPayload
	if err := json.Unmarshal(d.Body, &p); err != nil || len(p.Matches) == 0 {
		t.Fatalf("delivery body %s: %v", d.Body, err)
	}
	return p.Matches[0].StatementID
}
