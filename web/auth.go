package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// Answers of the alert endpoints when they cannot be used.
const (
	msgAlertsOff     = "alerts are not configured"
	msgAlertsNoToken = "alerts are disabled: start the server with --token or ADVOSEARCH_TOKEN to enable them"
	msgTokenMissing  = "this endpoint needs the header Authorization: Bearer TOKEN"
	msgTokenWrong    = "the bearer token is wrong"
)

// Answers of the ingest endpoint when it cannot be used.
const (
	msgIngestOff     = "ingest is not configured"
	msgIngestNoToken = "ingest is disabled: start the server with --token or ADVOSEARCH_TOKEN to enable it"
)

// requireToken guards the alert API. In order: without an alerts store
// every route is a 404, without a token a 403 that says how to enable them,
// and without the right bearer token a 401. The answers carry Cache-Control
// no-store, since they hold webhook URLs and feed keys.
func (s *Server) requireToken(next echo.HandlerFunc) echo.HandlerFunc {
	return s.guard(s.opts.Alerts != nil, msgAlertsOff, msgAlertsNoToken)(next)
}

// requireIngestToken guards POST /api/documents the same way: 404 without
// Options.Ingest, 403 without a token, 401 without the right one. Anyone
// who could add statements could plant what others find, so ingest is for
// token holders only.
func (s *Server) requireIngestToken(next echo.HandlerFunc) echo.HandlerFunc {
	return s.guard(s.opts.Ingest != nil, msgIngestOff, msgIngestNoToken)(next)
}

// guard is the bearer-token check shared by the protected features:
// configured false answers 404 with off, no server token 403 with noToken.
func (s *Server) guard(configured bool, off, noToken string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			c.Response().Header().Set("Cache-Control", "no-store")
			if !configured {
				return echo.NewHTTPError(http.StatusNotFound, off)
			}
			if s.opts.Token == "" {
				return echo.NewHTTPError(http.StatusForbidden, noToken)
			}
			scheme, token, ok := strings.Cut(c.Request().Header.Get(echo.HeaderAuthorization), " ")
			// RFC 6750: the scheme is case-insensitive.
			if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
				c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="advosearch"`)
				return echo.NewHTTPError(http.StatusUnauthorized, msgTokenMissing)
			}
			if !s.checkToken(strings.TrimSpace(token)) {
				c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="advosearch", error="invalid_token"`)
				return echo.NewHTTPError(http.StatusUnauthorized, msgTokenWrong)
			}
			return next(c)
		}
	}
}

// checkToken compares the SHA-256 digests of the token sent and ours in
// constant time. ConstantTimeCompare returns at once when the lengths
// differ, which would tell a caller how long the token is; digests always
// have the same length.
func (s *Server) checkToken(sent string) bool {
	sum := sha256.Sum256([]byte(sent))
	return s.opts.Token != "" && subtle.ConstantTimeCompare(sum[:], s.tokenSum[:]) == 1
}

// feedKeyLen is the length of a feed key in hex digits: 128 bits.
const feedKeyLen = 32

// feedKey is the key in the URL of an alert's feed: the first 32 hex digits
// of HMAC-SHA256(token, "feed:"+id). Feed readers cannot send an
// Authorization header, so the URL itself is the credential, good for that
// one alert's feed and nothing else; a new token revokes every feed URL.
func (s *Server) feedKey(alertID string) string {
	mac := hmac.New(sha256.New, []byte(s.opts.Token))
	mac.Write([]byte("feed:" + alertID))
	return hex.EncodeToString(mac.Sum(nil))[:feedKeyLen]
}

// checkFeedKey compares a key from a URL with the alert's in constant time.
// Without a token no key is valid.
func (s *Server) checkFeedKey(alertID, sent string) bool {
	if s.opts.Token == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(sent), []byte(s.feedKey(alertID))) == 1
}
