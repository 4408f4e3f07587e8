package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/alerts"
)

// A session cookie stands for the token until it expires, and only the
// token that signed it accepts it.
func TestServer_signedIn(t *testing.T) {
	srv, _ := newStubServer(t, stub{}, Options{Token: "tok"})
	other, _ := newStubServer(t, stub{}, Options{Token: "another token"})
	now := time.Now()
	for _, tc := range []struct {
		name  string
		value string
		want  bool
	}{
		{"fresh", srv.sessionValue(now.Add(time.Hour)), true},
		{"expired", srv.sessionValue(now.Add(-time.Second)), false},
		{"expiry moved on", strings.Replace(srv.sessionValue(now.Add(-time.Second)), ".", "9.", 1), false},
		{"signed by another token", other.sessionValue(now.Add(time.Hour)), false},
		{"no dot", "12345", false},
		{"empty", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/alerts", nil)
			req.AddCookie(&http.Cookie{Name: alertSessionCookie, Value: tc.value})
			c := srv.echo.NewContext(req, httptest.NewRecorder())
			if got := srv.signedIn(c); got != tc.want {
				t.Errorf("signedIn with %q = %v, want %v", tc.value, got, tc.want)
			}
		})
	}
	// Without a server token nobody is signed in, whatever the cookie.
	none, _ := newStubServer(t, stub{}, Options{})
	req := httptest.NewRequest(http.MethodGet, "/alerts", nil)
	req.AddCookie(&http.Cookie{Name: alertSessionCookie, Value: none.sessionValue(now.Add(time.Hour))})
	if none.signedIn(none.echo.NewContext(req, httptest.NewRecorder())) {
		t.Error("signed in on a server without a token")
	}
}

// The alert's search link finds what the alert would: words joined with
// AND whatever the server's default, newest first.
func TestAlertSearch(t *testing.T) {
	a := alerts.Alert{Query: "land activists", Organizations: []string{"LICADHO"}, From: time.Date(2017, 1, 2, 0, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		defaultOr bool
		want      string
	}{
		{false, "/?from=2017-01-02&org=LICADHO&q=land+activists&sort=-date"},
		{true, "/?from=2017-01-02&op=and&org=LICADHO&q=land+activists&sort=-date"},
	} {
		if got := alertSearch(a, tc.defaultOr).href(); got != tc.want {
			t.Errorf("default OR %v: %s, want %s", tc.defaultOr, got, tc.want)
		}
	}
}

func TestFollowName(t *testing.T) {
	for _, tc := range []struct {
		p    params
		want string
	}{
		{params{Q: "land", Org: []string{"LICADHO"}}, "land"},
		{params{Person: []string{"Hun Sen"}, Place: []string{"Cambodia"}}, "Hun Sen"},
		{params{From: "2017-01-01"}, "from 2017-01-01"},
		{params{Q: strings.Repeat("é", alerts.MaxNameLen+5)}, strings.Repeat("é", alerts.MaxNameLen)},
	} {
		if got := followName(tc.p); got != tc.want {
			t.Errorf("followName(%+v) = %q, want %q", tc.p, got, tc.want)
		}
	}
}
