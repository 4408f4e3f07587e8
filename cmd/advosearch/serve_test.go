package main

import (
	"net/netip"
	"testing"
)

func TestPrefixList_Set(t *testing.T) {
	var l prefixList
	for _, v := range []string{"127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"} {
		if err := l.Set(v); err != nil {
			t.Fatalf("%s: %v", v, err)
		}
	}
	want := []netip.Prefix{
		netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("10.0.0.0/8"),
		netip.MustParsePrefix("::1/128"), netip.MustParsePrefix("fd00::/8"),
	}
	for i, p := range want {
		if l[i] != p {
			t.Errorf("%d: got %s, want %s", i, l[i], p)
		}
	}
	if err := l.Set("proxy.example"); err == nil {
		t.Error("a host name was taken as an address")
	}
}
