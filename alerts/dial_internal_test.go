package alerts

import (
	"errors"
	"net/netip"
	"testing"
)

func TestRefusePrivate(t *testing.T) {
	for addr, public := range map[string]bool{
		"93.184.215.14:443":          true,
		"[2606:2800:21f:cb07::1]:80": true,
		"127.0.0.1:80":               false,
		"[::1]:80":                   false,
		"10.1.2.3:80":                false,
		"172.16.0.1:80":              false,
		"192.168.1.1:80":             false,
		"169.254.169.254:80":         false, // cloud metadata
		"[fe80::1]:80":               false,
		"[fd00::1]:80":               false,
		"[::ffff:127.0.0.1]:80":      false, // mapped loopback
		"0.0.0.0:80":                 false,
		"100.64.0.1:80":              false,
		"[::]:80":                    false,
		"224.0.0.1:80":               false,
	} {
		err := refusePrivate("tcp", addr, nil)
		if got := err == nil; got != public {
			t.Errorf("%s: got public %v (err %v), want %v", addr, got, err, public)
		}
		if err != nil && !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("%s: got %v, want ErrPrivateAddress", addr, err)
		}
	}
	if publicAddr(netip.Addr{}) {
		t.Error("the zero address is public")
	}
}
