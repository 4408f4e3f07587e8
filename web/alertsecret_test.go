package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/alerts/alertstest"
	"github.com/advosearch/advosearch/web"
)

// verifiesWith says whether a receiver holding secret accepts d.
func verifiesWith(secret string, d alertstest.Delivery) bool {
	return d.VerifiesWith(secret, time.Now())
}

// firstStatement is the statement ID of a delivery's first match.
func firstStatement(t *testing.T, d alertstest.Delivery) string {
	t.Helper()
	var p alerts.WebhookPayload
	if err := json.Unmarshal(d.Body, &p); err != nil || len(p.Matches) == 0 {
		t.Fatalf("delivery %s: %v", d.Body, err)
	}
	return p.Matches[0].StatementID
}

type alertSecretJSON struct {
	ID            string `json:"id"`
	WebhookSecret string `json:"webhook_secret"`
}

// deliverAll sends every due delivery, signed as the server signs them.
func deliverAll(t *testing.T, st *alerts.Store, want int) {
	t.Helper()
	d := alerts.NewDeliverer(st, alerts.DelivererOptions{Secret: []byte("server-wide secret"), AllowPrivate: true})
	n, err := d.DeliverDue(context.Background())
	if err != nil || n != want {
		t.Fatalf("DeliverDue: got %d, %v; want %d delivered", n, err, want)
	}
	if err := d.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// TestAlerts_webhookSecret: each alert made over the API gets its own
// webhook secret, shown in the creation answer only; one alert's receiver
// cannot verify (so cannot forge) another's delivery.
func TestAlerts_webhookSecret(t *testing.T) {
	ts, st := newAlertServer(t, web.Options{Token: testToken})
	ra, rb := alertstest.NewReceiver(t), alertstest.NewReceiver(t)

	create := func(name, q, hook string) alertSecretJSON {
		t.Helper()
		resp, got := doAuth(t, ts, http.MethodPost, "/api/alerts",
			`{"name":"`+name+`","q":"`+q+`","webhook_url":"`+hook+`"}`, testToken)
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("create: status %d: %s", resp.StatusCode, got)
		}
		return decode[alertSecretJSON](t, got)
	}
	a := create("Cambodia", "cambodia", ra.URL)
	b := create("Journalists", "journalists", rb.URL)
	if len(a.WebhookSecret) != 64 || a.WebhookSecret == b.WebhookSecret {
		t.Fatalf("webhook secrets in the creation answers: got %q and %q, want two different ones", a.WebhookSecret, b.WebhookSecret)
	}

	// Shown once: neither the alert nor the list carries it again.
	for _, path := range []string{"/api/alerts/" + a.ID, "/api/alerts"} {
		resp, got := doAuth(t, ts, http.MethodGet, path, "", testToken)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: status %d", path, resp.StatusCode)
		}
		if strings.Contains(got, "webhook_secret") || strings.Contains(got, a.WebhookSecret) || strings.Contains(got, b.WebhookSecret) {
			t.Errorf("GET %s shows a webhook secret: %s", path, got)
		}
	}

	percolate(t, st, statements)
	deliverAll(t, st, 2)
	da, db := ra.Deliveries(), rb.Deliveries()
	if len(da) != 1 || len(db) != 1 {
		t.Fatalf("got %d and %d deliveries, want 1 each", len(da), len(db))
	}
	if !verifiesWith(a.WebhookSecret, da[0]) {
		t.Error("receiver A cannot verify its own delivery with its alert's secret")
	}
	if !verifiesWith(b.WebhookSecret, db[0]) {
		t.Error("receiver B cannot verify its own delivery with its alert's secret")
	}
	if verifiesWith(a.WebhookSecret, db[0]) {
		t.Error("receiver A's secret verifies B's delivery: A could forge B's deliveries")
	}
	if verifiesWith(b.WebhookSecret, da[0]) {
		t.Error("receiver B's secret verifies A's delivery")
	}
}

// TestAlerts_rotateWebhookSecret: POST /api/alerts/:id/secret answers a new
// secret; a delivery queued before the rotation still verifies with the
// old secret, one queued after it with the new.
func TestAlerts_rotateWebhookSecret(t *testing.T) {
	ts, st := newAlertServer(t, web.Options{Token: testToken})
	r := alertstest.NewReceiver(t)
	resp, got := doAuth(t, ts, http.MethodPost, "/api/alerts",
		`{"name":"Cambodia","q":"cambodia","webhook_url":"`+r.URL+`"}`, testToken)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("create: status %d: %s", resp.StatusCode, got)
	}
	old := decode[alertSecretJSON](t, got)

	percolate(t, st, statements[:1]) // hun-sen, queued under the old secret

	if resp, _ := doAuth(t, ts, http.MethodPost, "/api/alerts/"+old.ID+"/secret", "", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("rotate without the token: status %d, want 401", resp.StatusCode)
	}
	if resp, _ := doAuth(t, ts, http.MethodPost, "/api/alerts/99/secret", "", testToken); resp.StatusCode != http.StatusNotFound {
		t.Errorf("rotate an unknown alert: status %d, want 404", resp.StatusCode)
	}
	resp, got = doAuth(t, ts, http.MethodPost, "/api/alerts/"+old.ID+"/secret", "", testToken)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("rotate: status %d: %s", resp.StatusCode, got)
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("rotate: Cache-Control %q, want no-store", cc)
	}
	rotated := decode[alertSecretJSON](t, got)
	if rotated.ID != old.ID || len(rotated.WebhookSecret) != 64 || rotated.WebhookSecret == old.WebhookSecret {
		t.Fatalf("rotate: got %+v, want alert %s with a new secret", rotated, old.ID)
	}
	if _, got := doAuth(t, ts, http.MethodGet, "/api/alerts/"+old.ID, "", testToken); strings.Contains(got, rotated.WebhookSecret) {
		t.Errorf("GET after rotation shows the new secret: %s", got)
	}

	percolate(t, st, statements[1:2]) // cnrp, queued under the new secret
	deliverAll(t, st, 2)
	ds := r.Deliveries()
	if len(ds) != 2 {
		t.Fatalf("got %d deliveries, want 2", len(ds))
	}
	for _, d := range ds {
		switch id := firstStatement(t, d); id {
		case "hun-sen":
			if !verifiesWith(old.WebhookSecret, d) || verifiesWith(rotated.WebhookSecret, d) {
				t.Error("delivery queued before the rotation: want it to verify with the old secret only")
			}
		case "cnrp":
			if !verifiesWith(rotated.WebhookSecret, d) || verifiesWith(old.WebhookSecret, d) {
				t.Error("delivery queued after the rotation: want it to verify with the new secret only")
			}
		default:
			t.Errorf("unexpected delivery of %s", id)
		}
	}
}
