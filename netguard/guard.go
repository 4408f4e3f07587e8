package netguard

import (
	"errors"
	"fmt"
	"net/netip"
	"syscall"
)

// ErrNotPublic is what every refusal wraps: the address is not one a public
// web server can have.
var ErrNotPublic = errors.New("netguard: not a public address")

// Error says which address was refused and which range refused it. It
// unwraps to ErrNotPublic.
type Error struct {
	// Addr is the address that was checked, with its zone if it had one.
	Addr netip.Addr
	// Prefix is the special-purpose range that made it non-public, and
	// Range that range's name, e.g. "loopback".
	Prefix netip.Prefix
	Range  string
	// Embedded is the IPv4 address found inside Addr that lies in Prefix,
	// and Via says how Addr carries it ("NAT64", "6to4", "Teredo client",
	// ...). Both are zero when Addr itself lies in Prefix.
	Embedded netip.Addr
	Via      string
}

func (e *Error) Error() string {
	if e.Embedded.IsValid() {
		return fmt.Sprintf("netguard: %s is not a public address: it carries %s (%s), in %s (%s)",
			e.Addr, e.Embedded, e.Via, e.Prefix, e.Range)
	}
	return fmt.Sprintf("netguard: %s is not a public address: in %s (%s)", e.Addr, e.Prefix, e.Range)
}

// Unwrap returns ErrNotPublic.
func (e *Error) Unwrap() error { return ErrNotPublic }

// Check returns nil if a may be connected to, and otherwise an *Error (or,
// for the zero Addr, an error) that wraps ErrNotPublic. A zone is ignored:
// fe80::1%eth0 is judged as fe80::1.
func Check(a netip.Addr) error {
	if !a.IsValid() {
		return fmt.Errorf("netguard: invalid address: %w", ErrNotPublic)
	}
	s, ok := lookup(a.WithZone(""))
	if !ok {
		return nil
	}
	if s.carried == nil {
		return &Error{Addr: a, Prefix: s.prefix, Range: s.name}
	}
	for _, c := range s.carried(a.As16()) {
		// The carried address is IPv4, so it can only fall in an IPv4 range,
		// none of which carries anything further.
		in, ok := lookup(c.addr)
		if !ok {
			continue
		}
		via := c.via
		if via == "" {
			via = s.name
		}
		return &Error{Addr: a, Prefix: in.prefix, Range: in.name, Embedded: c.addr, Via: via}
	}
	return nil
}

// Control is a net.Dialer.Control function that refuses, before the
// connection is made, any address Check refuses. The dialer calls it after
// DNS with the address it is about to connect to: for each address a name
// resolves to that it tries, and for each new connection a redirect needs.
// Its error wraps ErrNotPublic; net/http wraps that in turn, so callers use
// errors.Is.
//
// Dial directly, with no proxy: through a proxy, Control would check the
// proxy's address and not the destination's.
func Control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("netguard: cannot read dialled address %q (%w): %w", address, err, ErrNotPublic)
	}
	return Check(ap.Addr())
}
