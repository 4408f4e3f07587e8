package netguard

import (
	"errors"
	"net/netip"
	"testing"
)

// TestCheck_everyRange has one row per range in specials: an address inside
// it, refused with the range's name, and its nearest neighbour outside,
// allowed, or refused with the neighbour's own range where that is special
// too (both sides of 240.0.0.0/4 are). A range judged by the IPv4 address it
// carries is tested inside with an address carrying a non-public one, and
// refused with that one's range; TestCheck_carriedIPv4 has the rest.
func TestCheck_everyRange(t *testing.T) {
	rows := []struct {
		prefix, in, inRange, out, outRange string
	}{
		{"0.0.0.0/8", "0.1.2.3", "this network", "1.0.0.0", ""},
		{"0.0.0.0/32", "0.0.0.0", "this host on this network", "0.0.0.1", "this network"},
		{"10.0.0.0/8", "10.1.2.3", "private-use", "11.0.0.0", ""},
		{"100.64.0.0/10", "100.64.0.1", "shared address space", "100.128.0.0", ""},
		{"127.0.0.0/8", "127.0.0.1", "loopback", "126.255.255.255", ""},
		{"169.254.0.0/16", "169.254.169.254", "link-local", "169.255.0.0", ""},
		{"172.16.0.0/12", "172.31.255.255", "private-use", "172.32.0.0", ""},
		{"192.0.0.0/24", "192.0.0.100", "IETF protocol assignments", "192.0.1.0", ""},
		{"192.0.0.0/29", "192.0.0.1", "IPv4 service continuity prefix", "192.0.0.8", "IPv4 dummy address"},
		{"192.0.0.8/32", "192.0.0.8", "IPv4 dummy address", "192.0.0.9", "port control protocol anycast"},
		{"192.0.0.9/32", "192.0.0.9", "port control protocol anycast", "192.0.0.10", "TURN anycast"},
		{"192.0.0.10/32", "192.0.0.10", "TURN anycast", "192.0.0.11", "IETF protocol assignments"},
		{"192.0.0.170/32", "192.0.0.170", "NAT64/DNS64 discovery", "192.0.0.169", "IETF protocol assignments"},
		{"192.0.0.171/32", "192.0.0.171", "NAT64/DNS64 discovery", "192.0.0.172", "IETF protocol assignments"},
		{"192.0.2.0/24", "192.0.2.1", "documentation (TEST-NET-1)", "192.0.3.0", ""},
		{"192.31.196.0/24", "192.31.196.1", "AS112-v4", "192.31.197.0", ""},
		{"192.52.193.0/24", "192.52.193.1", "AMT", "192.52.194.0", ""},
		{"192.88.99.0/24", "192.88.99.1", "deprecated 6to4 relay anycast", "192.88.100.0", ""},
		{"192.168.0.0/16", "192.168.1.1", "private-use", "192.169.0.0", ""},
		{"192.175.48.0/24", "192.175.48.1", "direct delegation AS112 service", "192.175.49.0", ""},
		{"198.18.0.0/15", "198.19.255.255", "benchmarking", "198.20.0.0", ""},
		{"198.51.100.0/24", "198.51.100.1", "documentation (TEST-NET-2)", "198.51.101.0", ""},
		{"203.0.113.0/24", "203.0.113.1", "documentation (TEST-NET-3)", "203.0.114.0", ""},
		{"224.0.0.0/4", "224.0.0.1", "multicast", "223.255.255.255", ""},
		{"240.0.0.0/4", "240.0.0.1", "reserved", "239.255.255.255", "multicast"},
		{"255.255.255.255/32", "255.255.255.255", "limited broadcast", "255.255.255.254", "reserved"},

		{"::/128", "::", "unspecified", "::1", "loopback"},
		{"::1/128", "::1", "loopback", "::2", "this network"}, // ::2 carries 0.0.0.2
		{"::/96", "::7f00:1", "loopback", "::1:0:0", ""},
		{"::ffff:0:0/96", "::ffff:127.0.0.1", "loopback", "::1:0:0:0", ""},
		{"64:ff9b::/96", "64:ff9b::7f00:1", "loopback", "64:ff9b::1:0:0", ""},
		{"64:ff9b:1::/48", "64:ff9b:1::a00:1", "private-use", "64:ff9b:2::", ""},
		{"100::/64", "100::1", "discard-only", "ff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", ""},
		{"100:0:0:1::/64", "100:0:0:1::1", "dummy IPv6 prefix", "100:0:0:2::", ""},
		{"2001::/23", "2001:5::1", "IETF protocol assignments", "2001:200::", ""},
		// Teredo client 127.0.0.1 (7f00:0001 inverted) behind server 65.54.227.120.
		{"2001::/32", "2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback", "2001:1::", "IETF protocol assignments"},
		{"2001:1::1/128", "2001:1::1", "port control protocol anycast", "2001:1::", "IETF protocol assignments"},
		{"2001:1::2/128", "2001:1::2", "TURN anycast", "2001:1::3", "DNS-SD service registration protocol anycast"},
		{"2001:1::3/128", "2001:1::3", "DNS-SD service registration protocol anycast", "2001:1::4", "IETF protocol assignments"},
		{"2001:2::/48", "2001:2::1", "benchmarking", "2001:2:1::", "IETF protocol assignments"},
		{"2001:3::/32", "2001:3::1", "AMT", "2001:4::", "IETF protocol assignments"},
		{"2001:4:112::/48", "2001:4:112::1", "AS112-v6", "2001:4:113::", "IETF protocol assignments"},
		{"2001:10::/28", "2001:10::1", "deprecated ORCHID", "2001:f:ffff:ffff:ffff:ffff:ffff:ffff", "IETF protocol assignments"},
		{"2001:20::/28", "2001:20::1", "ORCHIDv2", "2001:30::", "drone remote ID entity tags"},
		{"2001:30::/28", "2001:30::1", "drone remote ID entity tags", "2001:40::", "IETF protocol assignments"},
		{"2001:db8::/32", "2001:db8::1", "documentation", "2001:db9::", ""},
		{"2002::/16", "2002:7f00:1::", "loopback", "2003::", ""},
		{"2620:4f:8000::/48", "2620:4f:8000::1", "direct delegation AS112 service", "2620:4f:8001::", ""},
		{"3fff::/20", "3fff::1", "documentation", "3fff:1000::", ""},
		{"5f00::/16", "5f00::1", "SRv6 SIDs", "5f01::", ""},
		{"fc00::/7", "fd00::1", "unique-local", "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", ""},
		{"fe80::/10", "fe80::1", "link-local", "fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", ""},
		{"fec0::/10", "fec0::1", "deprecated site-local", "ff00::", "multicast"},
		{"ff00::/8", "ff02::1", "multicast", "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "deprecated site-local"},
	}

	tested := make(map[netip.Prefix]bool)
	for _, r := range rows {
		t.Run(r.prefix, func(t *testing.T) {
			p := netip.MustParsePrefix(r.prefix)
			in, out := netip.MustParseAddr(r.in), netip.MustParseAddr(r.out)
			if !p.Contains(in) || p.Contains(out) {
				t.Fatalf("bad row: %s must be inside %s and %s outside", in, p, out)
			}
			tested[p] = true

			s, ok := lookup(in)
			if !ok || s.prefix != p {
				t.Errorf("lookup(%s): got %v %v, want %s", in, s.prefix, ok, p)
			}
			checkRange(t, in, r.inRange)
			if s.carried == nil {
				var e *Error
				if err := Check(in); errors.As(err, &e) && e.Prefix != p {
					t.Errorf("Check(%s): got prefix %s, want %s", in, e.Prefix, p)
				}
			}
			checkRange(t, out, r.outRange)
		})
	}
	for _, s := range specials {
		if !tested[s.prefix] {
			t.Errorf("range %s (%s) has no row", s.prefix, s.name)
		}
	}
}

// checkRange checks that Check allows a when want is "", and otherwise
// refuses it as in the range named want.
func checkRange(t *testing.T, a netip.Addr, want string) {
	t.Helper()
	err := Check(a)
	if want == "" {
		if err != nil {
			t.Errorf("Check(%s): got %v, want nil", a, err)
		}
		return
	}
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrNotPublic) {
		t.Errorf("Check(%s): got %v, want an *Error wrapping ErrNotPublic", a, err)
		return
	}
	if e.Range != want {
		t.Errorf("Check(%s): got range %q, want %q", a, e.Range, want)
	}
}

// TestSpecials_IPv4CarriesNothing: Check looks inside an address once and
// judges what it finds by the IPv4 rows alone, which is right only while no
// IPv4 range carries anything.
func TestSpecials_IPv4CarriesNothing(t *testing.T) {
	for _, s := range specials {
		if s.carried != nil && s.prefix.Addr().Is4() {
			t.Errorf("IPv4 range %s carries addresses", s.prefix)
		}
	}
}
