package web

import (
	"net"
	"net/http"
	"net/netip"

	"github.com/labstack/echo/v4"
)

// clientIP returns how the server tells clients apart, for the rate limit
// and the request log. Without trusted proxies it is the connection's
// address: X-Forwarded-For and X-Real-IP are ignored, since any client can
// send them. Behind nginx or Caddy every connection comes from the proxy,
// so a newsroom would share one rate-limit bucket; only a connection from
// a trusted proxy may then name the client, in X-Forwarded-For (the
// nearest address that is not itself a trusted proxy) or else X-Real-IP.
// Echo's extractors trust loopback and private addresses by default; here
// nothing is trusted but the given ranges.
func clientIP(trusted []netip.Prefix) echo.IPExtractor {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, p := range trusted {
		p = p.Masked()
		opts = append(opts, echo.TrustIPRange(&net.IPNet{
			IP:   net.IP(p.Addr().AsSlice()),
			Mask: net.CIDRMask(p.Bits(), p.Addr().BitLen()),
		}))
	}
	fromXFF, fromRealIP := echo.ExtractIPFromXFFHeader(opts...), echo.ExtractIPFromRealIPHeader(opts...)
	return func(r *http.Request) string {
		if len(r.Header.Values(echo.HeaderXForwardedFor)) > 0 {
			return fromXFF(r)
		}
		return fromRealIP(r)
	}
}
