package feeds

import "testing"

func TestRobotsRules_allowed(t *testing.T) {
	const txt = `User-agent: *
Disallow: /
Allow: /statements/

User-Agent: AdvoSearch/1.0
Disallow: /admin
Disallow: /*.pdf$
Disallow: /tmp*/cache
Allow: /admin/public$
Disallow:

user-agent: advosearch
disallow: /drafts/ # merged with the group above
`
	rr := parseRobots([]byte(txt))
	cases := []struct {
		agent, path string
		want        bool
	}{
		{"advosearch", "/", true},
		{"advosearch", "/admin", false},
		{"advosearch", "/admin/users", false},
		{"advosearch", "/admin/public", true},
		{"advosearch", "/admin/public/x", false},
		{"advosearch", "/report.pdf", false},
		{"advosearch", "/report.pdf?download=1", true},
		{"advosearch", "/tmp1/x/cache", false},
		{"advosearch", "/tmp/cachet", false},
		{"advosearch", "/tmp/other", true},
		{"advosearch", "/drafts/a", false},
		{"advosearch", "/robots.txt", true},
		{"otherbot", "/", false},
		{"otherbot", "/statements/1", true},
		{"otherbot", "/admin", false},
	}
	for _, tc := range cases {
		if got := rr.allowed(tc.agent, tc.path); got != tc.want {
			t.Errorf("%s %s: got %v, want %v", tc.agent, tc.path, got, tc.want)
		}
	}
}

func TestRobotsRules_tieAndEmpty(t *testing.T) {
	rr := parseRobots([]byte("User-agent: *\nDisallow: /page\nAllow: /page\n"))
	if !rr.allowed("advosearch", "/page") {
		t.Error("equal-length Allow and Disallow: got disallowed, want Allow to win")
	}
	if !parseRobots(nil).allowed("advosearch", "/x") {
		t.Error("empty robots.txt: got disallowed, want allowed")
	}
	if !parseRobots([]byte("Disallow: /\n")).allowed("advosearch", "/x") {
		t.Error("rule outside any group: got disallowed, want ignored")
	}
	if !parseRobots([]byte("<html><body>Not found</body></html>")).allowed("advosearch", "/x") {
		t.Error("HTML instead of robots.txt: got disallowed, want allowed")
	}
}

func TestProductToken(t *testing.T) {
	for ua, want := range map[string]string{
		DefaultUserAgent:  "advosearch",
		"Advosearch":      "advosearch",
		"bot name/2 (x)":  "bot",
		"advosearch-test": "advosearch-test",
	} {
		if got := productToken(ua); got != want {
			t.Errorf("productToken(%q): got %q, want %q", ua, got, want)
		}
	}
}
