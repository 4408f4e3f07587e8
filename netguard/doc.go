// Package netguard decides whether an outbound connection may go to an
// address. Webhooks (package alerts) and feeds, statement pages and
// robots.txt (package feeds) all dial through it, so that a URL supplied by a
// third party cannot reach this machine or its private network (SSRF), and
// so that the two cannot drift apart again.
//
// An address is refused when it lies in a range of the IANA IPv4 or IPv6
// Special-Purpose Address Registries, in multicast, or in deprecated IPv6
// site-local space. Addresses that carry an IPv4 address (IPv4-mapped,
// IPv4-compatible, NAT64, 6to4, Teredo) are judged by the IPv4 address they
// carry, because that is where a gateway delivers the packets:
// 64:ff9b::7f00:1 reaches 127.0.0.1 through a NAT64 gateway.
//
// Check judges one address. Control applies Check as a net.Dialer.Control
// function: it runs after DNS, on the address actually being dialled, so it
// covers every address a name resolves to, every redirect hop (each is a new
// dial) and a DNS answer that changes between a check and the dial
// (rebinding). Checking a URL's host name instead would miss all three.
//
// The package is not a URL validator, a firewall or a proxy policy. Through
// an HTTP proxy, Control would see the proxy's address and not the
// destination's, so callers that use it dial directly. It has no switch to
// let private addresses through: a caller that wants that (tests, a receiver
// on the same machine) leaves Control off its dialer. The ranges are a fixed
// table; the package has no mutable state.
package netguard
