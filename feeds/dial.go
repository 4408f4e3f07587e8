package feeds

import (
	"fmt"
	"net/netip"
	"syscall"
)

// nonPublic lists ranges that net/netip has no predicate for but that are
// no more public than 10.0.0.0/8.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),     // "this network"
	netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),  // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"), // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),   // reserved, incl. broadcast
}

var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// refusePrivate is a net.Dialer.Control hook. It runs after DNS resolution,
// on the address actually being dialled, so neither a hostname that
// resolves to 127.0.0.1 nor a DNS answer that changes between a check and
// the dial (rebinding) gets past it.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: cannot parse %q: %w", ErrPrivateAddress, address, err)
	}
	if !isPublic(ap.Addr()) {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, ap.Addr())
	}
	return nil
}

func isPublic(a netip.Addr) bool {
	a = a.Unmap()
	if a.IsLoopback() || a.IsPrivate() || a.IsUnspecified() ||
		a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsInterfaceLocalMulticast() || a.IsMulticast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return false
		}
	}
	if nat64.Contains(a) {
		// 64:ff9b::10.0.0.1 reaches 10.0.0.1 through a NAT64 gateway.
		b := a.As16()
		return isPublic(netip.AddrFrom4([4]byte(b[12:])))
	}
	return true
}
