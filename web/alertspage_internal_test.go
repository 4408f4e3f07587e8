package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
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
