package netguard_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/dns/dnsmessage"

	"github.com/advosearch/advosearch/netguard"
)

// TestCheck_carriedIPv4: an address that carries an IPv4 address is judged
// by that address, whichever way it carries it.
func TestCheck_carriedIPv4(t *testing.T) {
	for _, tc := range []struct {
		addr, embedded, via, rng string // rng "" means allowed
	}{
		{"64:ff9b::7f00:1", "127.0.0.1", "NAT64", "loopback"},
		{"64:ff9b::a9fe:a9fe", "169.254.169.254", "NAT64", "link-local"},
		{"64:ff9b::808:808", "", "", ""}, // 8.8.8.8
		{"64:ff9b:1::a00:1", "10.0.0.1", "local-use NAT64", "private-use"},
		{"64:ff9b:1::808:808", "", "", ""},
		{"::ffff:127.0.0.1", "127.0.0.1", "IPv4-mapped", "loopback"},
		{"::ffff:100.64.0.1", "100.64.0.1", "IPv4-mapped", "shared address space"},
		{"::ffff:8.8.8.8", "", "", ""},
		{"::7f00:1", "127.0.0.1", "IPv4-compatible", "loopback"},
		{"::808:808", "", "", ""},
		{"2002:7f00:1::", "127.0.0.1", "6to4", "loopback"},
		{"2002:c0a8:101::1", "192.168.1.1", "6to4", "private-use"},
		{"2002:c058:6301::", "192.88.99.1", "6to4", "deprecated 6to4 relay anycast"},
		{"2002:808:808::1", "", "", ""},
		// Teredo: server in bits 32-63, client in the last 32 bits inverted.
		// RFC 4380's example: server 65.54.227.120, client 192.0.2.45.
		{"2001:0:4136:e378:8000:63bf:3fff:fdd2", "192.0.2.45", "Teredo client", "documentation (TEST-NET-1)"},
		{"2001:0:4136:e378:8000:63bf:f5ff:fffe", "10.0.0.1", "Teredo client", "private-use"},
		{"2001:0:a00:1:8000:63bf:f7f7:f7f7", "10.0.0.1", "Teredo server", "private-use"},
		{"2001:0:4136:e378:8000:63bf:f7f7:f7f7", "", "", ""}, // client 8.8.8.8
	} {
		err := netguard.Check(netip.MustParseAddr(tc.addr))
		if tc.rng == "" {
			if err != nil {
				t.Errorf("Check(%s): got %v, want nil", tc.addr, err)
			}
			continue
		}
		var e *netguard.Error
		if !errors.As(err, &e) {
			t.Errorf("Check(%s): got %v, want an *Error", tc.addr, err)
			continue
		}
		if e.Embedded.String() != tc.embedded || e.Via != tc.via || e.Range != tc.rng {
			t.Errorf("Check(%s): got %s via %q in %q, want %s via %q in %q",
				tc.addr, e.Embedded, e.Via, e.Range, tc.embedded, tc.via, tc.rng)
		}
	}
}

func TestCheck_public(t *testing.T) {
	for _, s := range []string{
		"93.184.215.14", "8.8.8.8", "1.1.1.1", "2606:2800:21f:cb07::1",
		"2a00:1450:4001:80b::200e", "2606:4700::1%eth0",
	} {
		if err := netguard.Check(netip.MustParseAddr(s)); err != nil {
			t.Errorf("Check(%s): got %v, want nil", s, err)
		}
	}
}

// TestCheck_zone: a zone does not hide an address from the ranges
// (netip.Prefix.Contains is false for any address with a zone).
func TestCheck_zone(t *testing.T) {
	for _, s := range []string{"fe80::1%eth0", "2001:db8::1%eth0", "fd00::1%1", "64:ff9b::7f00:1%eth0"} {
		a := netip.MustParseAddr(s)
		var e *netguard.Error
		if err := netguard.Check(a); !errors.As(err, &e) {
			t.Errorf("Check(%s): got %v, want an *Error", s, err)
		} else if e.Addr != a {
			t.Errorf("Check(%s): got Addr %s, want it with its zone", s, e.Addr)
		}
	}
}

func TestCheck_invalid(t *testing.T) {
	if err := netguard.Check(netip.Addr{}); !errors.Is(err, netguard.ErrNotPublic) {
		t.Errorf("Check(zero Addr): got %v, want ErrNotPublic", err)
	}
}

func TestError_Error(t *testing.T) {
	for addr, want := range map[string]string{
		"10.1.2.3":        "netguard: 10.1.2.3 is not a public address: in 10.0.0.0/8 (private-use)",
		"64:ff9b::7f00:1": "netguard: 64:ff9b::7f00:1 is not a public address: it carries 127.0.0.1 (NAT64), in 127.0.0.0/8 (loopback)",
	} {
		err := netguard.Check(netip.MustParseAddr(addr))
		if err == nil || err.Error() != want {
			t.Errorf("Check(%s): got %v, want %q", addr, err, want)
		}
	}
}

func TestControl(t *testing.T) {
	for address, public := range map[string]bool{
		"93.184.215.14:443":          true,
		"[2606:2800:21f:cb07::1]:80": true,
		"127.0.0.1:80":               false,
		"[::1]:80":                   false,
		"[64:ff9b::7f00:1]:8080":     false,
		"[fe80::1%eth0]:80":          false,
		"/run/docker.sock":           false, // not an IP address at all
		"example.org:80":             false, // the dialer passes addresses, never names
	} {
		err := netguard.Control("tcp", address, nil)
		if got := err == nil; got != public {
			t.Errorf("Control(%s): got public %v (err %v), want %v", address, got, err, public)
		}
		if err != nil && !errors.Is(err, netguard.ErrNotPublic) {
			t.Errorf("Control(%s): got %v, want ErrNotPublic", address, err)
		}
	}
}

// recorder wraps a Control function and records the addresses it saw.
type recorder struct {
	mu      sync.Mutex
	seen    []string
	control func(network, address string, c syscall.RawConn) error
}

func (r *recorder) Control(network, address string, c syscall.RawConn) error {
	r.mu.Lock()
	r.seen = append(r.seen, address)
	r.mu.Unlock()
	return r.control(network, address, c)
}

func (r *recorder) Seen() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Sorted(slices.Values(r.seen))
}

// TestControl_everyResolvedAddress: a name resolving to several non-public
// addresses is refused on each one the dialer tries, and the dialer tries
// them all.
func TestControl_everyResolvedAddress(t *testing.T) {
	rec := &recorder{control: netguard.Control}
	d := &net.Dialer{
		Timeout:  5 * time.Second,
		Resolver: fakeDNS(t, "10.0.0.1", "127.0.0.1", "64:ff9b::7f00:1"),
		Control:  rec.Control,
	}
	conn, err := d.DialContext(context.Background(), "tcp", "feeds.guard.test.:80")
	if err == nil {
		conn.Close()
	}
	if !errors.Is(err, netguard.ErrNotPublic) {
		t.Fatalf("Dial: got %v, want ErrNotPublic", err)
	}
	want := []string{"10.0.0.1:80", "127.0.0.1:80", "[64:ff9b::7f00:1]:80"}
	if got := rec.Seen(); !slices.Equal(got, want) {
		t.Errorf("dialled: got %v, want %v", got, want)
	}
}

// TestControl_redirect: a redirect opens a new connection, which Control
// checks. The test server itself is on loopback, so the test lets exactly
// its address through.
func TestControl_redirect(t *testing.T) {
	for _, target := range []string{
		"http://10.0.0.1/",
		"http://[64:ff9b::7f00:1]/",
		"http://localhost:1/", // a name resolving to loopback
		"http://[::ffff:169.254.169.254]/latest/meta-data/",
	} {
		t.Run(target, func(t *testing.T) {
			var hits int
			var mu sync.Mutex
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				hits++
				mu.Unlock()
				http.Redirect(w, r, target, http.StatusFound)
			}))
			defer srv.Close()
			first := srv.Listener.Addr().String()
			rec := &recorder{control: func(network, address string, c syscall.RawConn) error {
				if address == first {
					return nil
				}
				return netguard.Control(network, address, c)
			}}
			d := &net.Dialer{Timeout: 5 * time.Second, Control: rec.Control}
			client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DialContext: d.DialContext}}
			resp, err := client.Get(srv.URL + "/")
			if err == nil {
				resp.Body.Close()
			}
			if !errors.Is(err, netguard.ErrNotPublic) {
				t.Errorf("Get: got %v, want ErrNotPublic", err)
			}
			mu.Lock()
			defer mu.Unlock()
			if hits != 1 {
				t.Errorf("test server: got %d requests, want 1", hits)
			}
			if seen := rec.Seen(); len(seen) < 2 {
				t.Errorf("dialled: got %v, want the server and the redirect target", seen)
			}
		})
	}
}

// fakeDNS returns a resolver whose every A and AAAA question is answered
// with addrs, by a DNS server on a loopback UDP port that stops with the
// test.
func fakeDNS(t *testing.T, addrs ...string) *net.Resolver {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close() })
	go func() {
		buf := make([]byte, 1500)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return // closed
			}
			if msg, err := answer(buf[:n], addrs); err == nil {
				pc.WriteTo(msg, from)
			}
		}
	}()
	return &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "udp", pc.LocalAddr().String())
		},
	}
}

// answer builds the reply to the query q.
func answer(q []byte, addrs []string) ([]byte, error) {
	var p dnsmessage.Parser
	h, err := p.Start(q)
	if err != nil {
		return nil, err
	}
	question, err := p.Question()
	if err != nil {
		return nil, err
	}
	b := dnsmessage.NewBuilder(nil, dnsmessage.Header{ID: h.ID, Response: true, Authoritative: true, RecursionDesired: h.RecursionDesired, RecursionAvailable: true})
	if err := b.StartQuestions(); err != nil {
		return nil, err
	}
	if err := b.Question(question); err != nil {
		return nil, err
	}
	if err := b.StartAnswers(); err != nil {
		return nil, err
	}
	rh := dnsmessage.ResourceHeader{Name: question.Name, Class: dnsmessage.ClassINET, TTL: 60}
	for _, s := range addrs {
		a := netip.MustParseAddr(s)
		switch {
		case question.Type == dnsmessage.TypeA && a.Is4():
			err = b.AResource(rh, dnsmessage.AResource{A: a.As4()})
		case question.Type == dnsmessage.TypeAAAA && a.Is6():
			err = b.AAAAResource(rh, dnsmessage.AAAAResource{AAAA: a.As16()})
		}
		if err != nil {
			return nil, err
		}
	}
	return b.Finish()
}
