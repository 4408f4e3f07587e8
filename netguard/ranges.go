package netguard

import "net/netip"

// special is one range of the special-purpose registries.
type special struct {
	prefix netip.Prefix
	name   string
	// carried, if set, returns the IPv4 addresses an address in the range
	// carries, each with how it carries it. Such an address is judged by
	// what it carries instead of being refused outright.
	carried func(a [16]byte) []carriedAddr
}

// carriedAddr is an IPv4 address found inside an IPv6 address. via says
// how, when the range's name is not enough (Teredo carries two).
type carriedAddr struct {
	via  string
	addr netip.Addr
}

// specials holds every range that Check refuses or looks inside. Where ranges
// nest, the longest prefix decides (see lookup), so a sub-block only needs a
// row of its own to give the error its name, or to be judged by what it
// carries. The table is never written after start-up.
//
// Sources: the IANA IPv4 and IPv6 Special-Purpose Address Registries (as
// amended up to RFC 9780), plus multicast (224.0.0.0/4, ff00::/8) and
// deprecated site-local (fec0::/10, RFC 3879), which sit in other
// registries. Some registry blocks are marked globally reachable (the AS112
// and AMT anycast blocks, 2001:3::/32, ORCHIDv2): they are refused all the
// same, since no webhook receiver or NGO web site lives there.
var specials = []special{
	// IPv4.
	{prefix: pfx("0.0.0.0/8"), name: "this network"},                          // RFC 791
	{prefix: pfx("0.0.0.0/32"), name: "this host on this network"},            // RFC 1122
	{prefix: pfx("10.0.0.0/8"), name: "private-use"},                          // RFC 1918
	{prefix: pfx("100.64.0.0/10"), name: "shared address space"},              // RFC 6598, carrier-grade NAT
	{prefix: pfx("127.0.0.0/8"), name: "loopback"},                            // RFC 1122
	{prefix: pfx("169.254.0.0/16"), name: "link-local"},                       // RFC 3927, cloud metadata
	{prefix: pfx("172.16.0.0/12"), name: "private-use"},                       // RFC 1918
	{prefix: pfx("192.0.0.0/24"), name: "IETF protocol assignments"},          // RFC 6890
	{prefix: pfx("192.0.0.0/29"), name: "IPv4 service continuity prefix"},     // RFC 7335
	{prefix: pfx("192.0.0.8/32"), name: "IPv4 dummy address"},                 // RFC 7600
	{prefix: pfx("192.0.0.9/32"), name: "port control protocol anycast"},      // RFC 7723
	{prefix: pfx("192.0.0.10/32"), name: "TURN anycast"},                      // RFC 8155
	{prefix: pfx("192.0.0.170/32"), name: "NAT64/DNS64 discovery"},            // RFC 7050
	{prefix: pfx("192.0.0.171/32"), name: "NAT64/DNS64 discovery"},            // RFC 7050
	{prefix: pfx("192.0.2.0/24"), name: "documentation (TEST-NET-1)"},         // RFC 5737
	{prefix: pfx("192.31.196.0/24"), name: "AS112-v4"},                        // RFC 7535
	{prefix: pfx("192.52.193.0/24"), name: "AMT"},                             // RFC 7450
	{prefix: pfx("192.88.99.0/24"), name: "deprecated 6to4 relay anycast"},    // RFC 7526
	{prefix: pfx("192.168.0.0/16"), name: "private-use"},                      // RFC 1918
	{prefix: pfx("192.175.48.0/24"), name: "direct delegation AS112 service"}, // RFC 7534
	{prefix: pfx("198.18.0.0/15"), name: "benchmarking"},                      // RFC 2544
	{prefix: pfx("198.51.100.0/24"), name: "documentation (TEST-NET-2)"},      // RFC 5737
	{prefix: pfx("203.0.113.0/24"), name: "documentation (TEST-NET-3)"},       // RFC 5737
	{prefix: pfx("224.0.0.0/4"), name: "multicast"},                           // RFC 5771
	{prefix: pfx("240.0.0.0/4"), name: "reserved"},                            // RFC 1112
	{prefix: pfx("255.255.255.255/32"), name: "limited broadcast"},            // RFC 919

	// IPv6.
	{prefix: pfx("::/128"), name: "unspecified"},                         // RFC 4291
	{prefix: pfx("::1/128"), name: "loopback"},                           // RFC 4291
	{prefix: pfx("::/96"), name: "IPv4-compatible", carried: last32},     // RFC 4291, deprecated; not in the registry
	{prefix: pfx("::ffff:0:0/96"), name: "IPv4-mapped", carried: last32}, // RFC 4291
	// NAT64 (RFC 6052). The well-known prefix is always a /96. The local-use
	// /48 (RFC 8215) is read at the same /96 position, the one DNS64
	// deployments use; an operator who carves a shorter NAT64 prefix out of
	// it puts the IPv4 address elsewhere, and this guard would misread it.
	{prefix: pfx("64:ff9b::/96"), name: "NAT64", carried: last32},
	{prefix: pfx("64:ff9b:1::/48"), name: "local-use NAT64", carried: last32},
	{prefix: pfx("100::/64"), name: "discard-only"},                                      // RFC 6666
	{prefix: pfx("100:0:0:1::/64"), name: "dummy IPv6 prefix"},                           // RFC 9780
	{prefix: pfx("2001::/23"), name: "IETF protocol assignments"},                        // RFC 2928
	{prefix: pfx("2001::/32"), name: "Teredo", carried: teredo},                          // RFC 4380
	{prefix: pfx("2001:1::1/128"), name: "port control protocol anycast"},                // RFC 7723
	{prefix: pfx("2001:1::2/128"), name: "TURN anycast"},                                 // RFC 8155
	{prefix: pfx("2001:1::3/128"), name: "DNS-SD service registration protocol anycast"}, // RFC 9665
	{prefix: pfx("2001:2::/48"), name: "benchmarking"},                                   // RFC 5180
	{prefix: pfx("2001:3::/32"), name: "AMT"},                                            // RFC 7450
	{prefix: pfx("2001:4:112::/48"), name: "AS112-v6"},                                   // RFC 7535
	{prefix: pfx("2001:10::/28"), name: "deprecated ORCHID"},                             // RFC 4843
	{prefix: pfx("2001:20::/28"), name: "ORCHIDv2"},                                      // RFC 7343
	{prefix: pfx("2001:30::/28"), name: "drone remote ID entity tags"},                   // RFC 9374
	{prefix: pfx("2001:db8::/32"), name: "documentation"},                                // RFC 3849
	{prefix: pfx("2002::/16"), name: "6to4", carried: sixToFour},                         // RFC 3056
	{prefix: pfx("2620:4f:8000::/48"), name: "direct delegation AS112 service"},          // RFC 7534
	{prefix: pfx("3fff::/20"), name: "documentation"},                                    // RFC 9637
	{prefix: pfx("5f00::/16"), name: "SRv6 SIDs"},                                        // RFC 9602
	{prefix: pfx("fc00::/7"), name: "unique-local"},                                      // RFC 4193
	{prefix: pfx("fe80::/10"), name: "link-local"},                                       // RFC 4291
	{prefix: pfx("fec0::/10"), name: "deprecated site-local"},                            // RFC 3879
	{prefix: pfx("ff00::/8"), name: "multicast"},                                         // RFC 4291
}

func pfx(s string) netip.Prefix { return netip.MustParsePrefix(s) }

// lookup returns the most specific range holding a, if any. a has no zone
// (netip.Prefix.Contains is false for any address with one).
func lookup(a netip.Addr) (special, bool) {
	var best special
	found := false
	for _, s := range specials {
		if s.prefix.Contains(a) && (!found || s.prefix.Bits() > best.prefix.Bits()) {
			best, found = s, true
		}
	}
	return best, found
}

// last32 reads the IPv4 address in the last 32 bits: IPv4-mapped,
// IPv4-compatible and NAT64 with a /96 prefix.
func last32(a [16]byte) []carriedAddr {
	return []carriedAddr{{addr: netip.AddrFrom4([4]byte(a[12:]))}}
}

// sixToFour reads a 6to4 address, 2002:AABB:CCDD::/48, whose site's IPv4
// address is bits 16 to 47.
func sixToFour(a [16]byte) []carriedAddr {
	return []carriedAddr{{addr: netip.AddrFrom4([4]byte(a[2:6]))}}
}

// teredo reads a Teredo address, 2001:0:SSSS:SSSS:FLAGS:PORT:CCCC:CCCC: the
// server's IPv4 address in bits 32 to 63, and the client's in the last 32
// bits with every bit inverted (RFC 4380 section 4). Packets go to both.
func teredo(a [16]byte) []carriedAddr {
	var client [4]byte
	for i := range client {
		client[i] = a[12+i] ^ 0xff
	}
	return []carriedAddr{
		{via: "Teredo server", addr: netip.AddrFrom4([4]byte(a[4:8]))},
		{via: "Teredo client", addr: netip.AddrFrom4(client)},
	}
}
