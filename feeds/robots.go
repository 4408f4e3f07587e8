package feeds

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

const (
	// robotsTTL is how long a robots.txt is trusted; RFC 9309 §2.4 says
	// crawlers should not use a cached copy for more than 24 hours.
	robotsTTL = 24 * time.Hour
	// robotsMaxBytes is how much of a robots.txt is read; RFC 9309 §2.5
	// asks for at least 500 KiB and allows ignoring the rest.
	robotsMaxBytes = 512 << 10
)

// robotsEntry is one host's robots.txt, cached. done is closed once rules
// (or err) is set, so concurrent callers for a host wait for one fetch.
type robotsEntry struct {
	done    chan struct{}
	rules   robotsRules
	err     error
	expires time.Time
}

// checkRobots returns ErrDisallowed if u's robots.txt disallows it for our
// User-Agent. robots.txt is fetched once per scheme+host+port and kept for
// robotsTTL. A failure to fetch it (network, 5xx) is returned and not
// cached: RFC 9309 §2.3.1.4 says to assume everything is disallowed then,
// and the next call tries again.
func (f *Fetcher) checkRobots(ctx context.Context, u *url.URL) error {
	key := u.Scheme + "://" + strings.ToLower(u.Host)
	f.mu.Lock()
	e := f.robots[key]
	if e != nil {
		select {
		case <-e.done:
			if f.opts.Now().After(e.expires) {
				e = nil
			}
		default: // being fetched by another caller
		}
	}
	fetch := e == nil
	if fetch {
		e = &robotsEntry{done: make(chan struct{})}
		f.robots[key] = e
	}
	f.mu.Unlock()

	if fetch {
		e.rules, e.err = f.fetchRobots(ctx, key+"/robots.txt")
		e.expires = f.opts.Now().Add(robotsTTL)
		if e.err != nil {
			f.mu.Lock()
			if f.robots[key] == e {
				delete(f.robots, key)
			}
			f.mu.Unlock()
		}
		close(e.done)
	} else {
		select {
		case <-e.done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if e.err != nil {
		return e.err
	}
	if !e.rules.allowed(productToken(f.opts.UserAgent), robotsPath(u)) {
		return fmt.Errorf("%w: %s", ErrDisallowed, u)
	}
	return nil
}

func (f *Fetcher) fetchRobots(ctx context.Context, robotsURL string) (robotsRules, error) {
	r, err := f.get(ctx, robotsURL, getOptions{accept: "text/plain", limit: robotsMaxBytes, truncate: true})
	if err != nil {
		// RFC 9309 §2.3.1.3: a 4xx ("unavailable") means no rules at all.
		var he *HTTPError
		if errors.As(err, &he) && he.Status >= 400 && he.Status < 500 {
			return nil, nil
		}
		return nil, fmt.Errorf("feeds: robots.txt %s: %w", robotsURL, err)
	}
	if r.status == http.StatusNotModified {
		return nil, nil // not asked conditionally; read as "no rules"
	}
	return parseRobots(r.body), nil
}

// productToken is the name robots.txt groups match: the User-Agent up to
// its first "/" or space, lower-cased ("advosearch").
func productToken(ua string) string {
	if i := strings.IndexAny(ua, "/ "); i >= 0 {
		ua = ua[:i]
	}
	return strings.ToLower(ua)
}

// robotsPath is what rules match against: the escaped path and query.
func robotsPath(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p
}

// robotsGroup is one group of a robots.txt: the user agents it names and
// its rules.
type robotsGroup struct {
	agents []string // lower case
	rules  []robotsRule
}

type robotsRule struct {
	allow   bool
	pattern string
}

// robotsRules is a parsed robots.txt. Only User-agent, Allow and Disallow
// are read (RFC 9309); Crawl-delay, Sitemap and the rest are ignored.
type robotsRules []robotsGroup

// parseRobots reads a robots.txt leniently: unknown lines are skipped and a
// rule before any User-agent line belongs to no group.
func parseRobots(body []byte) robotsRules {
	var groups robotsRules
	var cur *robotsGroup
	inAgents := false // the previous meaningful line was a User-agent
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), robotsMaxBytes)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if !inAgents {
				groups = append(groups, robotsGroup{})
				cur = &groups[len(groups)-1]
			}
			// "advosearch/1.0" names the same crawler as "advosearch".
			cur.agents = append(cur.agents, productToken(value))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil || value == "" {
				// "Disallow:" with nothing after it allows everything.
				continue
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: value})
		default:
			// Crawl-delay, Sitemap…: not ours, but they end a run of
			// User-agent lines all the same.
			if key != "sitemap" {
				inAgents = false
			}
		}
	}
	return groups
}

// allowed applies RFC 9309 §2.2: the groups naming our product token (all
// of them, merged) or else the "*" groups; among their rules the longest
// matching pattern wins, Allow on a tie; no match means allowed.
func (rr robotsRules) allowed(agent, path string) bool {
	if path == "/robots.txt" {
		return true
	}
	var rules []robotsRule
	for _, g := range rr {
		for _, a := range g.agents {
			if a == agent {
				rules = append(rules, g.rules...)
				break
			}
		}
	}
	if rules == nil {
		for _, g := range rr {
			for _, a := range g.agents {
				if a == "*" {
					rules = append(rules, g.rules...)
					break
				}
			}
		}
	}
	best, allow := -1, true
	for _, r := range rules {
		if !robotsMatch(r.pattern, path) {
			continue
		}
		if n := len(r.pattern); n > best || (n == best && r.allow) {
			best, allow = n, r.allow
		}
	}
	return allow
}

// robotsMatch matches a robots.txt path pattern: a prefix, in which "*"
// stands for any run of characters and a final "$" anchors the end.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	if len(parts) == 1 {
		return !anchored || rest == ""
	}
	for i, part := range parts[1:] {
		last := i == len(parts)-2
		if last && anchored {
			return strings.HasSuffix(rest, part)
		}
		j := strings.Index(rest, part)
		if j < 0 {
			return false
		}
		rest = rest[j+len(part):]
	}
	return true
}
