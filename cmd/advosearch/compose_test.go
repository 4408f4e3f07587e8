package main

// Tests for compose.yaml and the proxy configuration it mounts. Like the
// Dockerfile tests they read those files only: there is no docker compose
// here to try them, so the properties that make the deployment right are
// checked on the parsed file.

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// compose is the part of a Compose file the checks read.
type compose struct {
	Services map[string]composeService `yaml:"services"`
	Networks map[string]struct {
		Internal bool `yaml:"internal"`
	} `yaml:"networks"`
	Volumes map[string]any `yaml:"volumes"`
}

type composeService struct {
	Image       string            `yaml:"image"`
	Build       string            `yaml:"build"`
	Command     []string          `yaml:"command"`
	Environment map[string]string `yaml:"environment"`
	Volumes     []string          `yaml:"volumes"`
	Ports       []string          `yaml:"ports"`
	DependsOn   map[string]struct {
		Condition string `yaml:"condition"`
	} `yaml:"depends_on"`
	Networks map[string]struct {
		IPv4Address string `yaml:"ipv4_address"`
	} `yaml:"networks"`
	Healthcheck *struct {
		Test []string `yaml:"test"`
	} `yaml:"healthcheck"`
}

// deployment is compose.yaml with the proxy's configuration, which it
// mounts from the repository.
type deployment struct {
	compose
	caddyfile string
}

func parseCompose(src []byte) (compose, error) {
	var c compose
	if err := yaml.Unmarshal(src, &c); err != nil {
		return c, fmt.Errorf("compose.yaml: %w", err)
	}
	return c, nil
}

// nodes are the services built from the repository's Dockerfile, by name.
func (c compose) nodes() []string {
	var names []string
	for name, s := range c.Services {
		if s.Build != "" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// proxy is the one service that publishes ports.
func (c compose) proxy() (string, error) {
	var names []string
	for name, s := range c.Services {
		if len(s.Ports) > 0 {
			names = append(names, name)
		}
	}
	if len(names) != 1 {
		return "", fmt.Errorf("services %v publish ports, want the proxy alone", names)
	}
	return names[0], nil
}

// flag returns the value of --name in a service's command.
func (s composeService) flag(name string) (string, bool) {
	for i, a := range s.Command {
		if a == name && i+1 < len(s.Command) {
			return s.Command[i+1], true
		}
		if v, ok := strings.CutPrefix(a, name+"="); ok {
			return v, true
		}
	}
	return "", false
}

var composeChecks = []struct {
	name  string
	check func(deployment) error
}{
	{"nodes follow the postgres service", checkNodesStore},
	{"nodes wait for postgres to be healthy", checkNodesWait},
	{"each node has its own data volume", checkNodeVolumes},
	{"only the proxy publishes, on loopback", checkPublished},
	{"the proxy sends to the nodes that are ready", checkUpstreams},
	{"the proxy is the trusted proxy", checkTrustedProxy},
	{"nodes and postgres on a private network", checkPrivateNetwork},
	{"passwords and tokens come from the environment", checkSecrets},
}

func loadDeployment(t *testing.T, composeSrc []byte) deployment {
	t.Helper()
	c, err := parseCompose(composeSrc)
	if err != nil {
		t.Fatal(err)
	}
	return deployment{compose: c, caddyfile: string(repoFile(t, "deploy/Caddyfile"))}
}

func TestCompose(t *testing.T) {
	d := loadDeployment(t, repoFile(t, "compose.yaml"))
	if n := d.nodes(); len(n) < 2 {
		t.Fatalf("compose.yaml builds nodes %v, want at least two", n)
	}
	for _, c := range composeChecks {
		t.Run(c.name, func(t *testing.T) {
			if err := c.check(d); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestComposeChecks_Broken proves that each check can fail: each case
// changes one thing in compose.yaml as it is.
func TestComposeChecks_Broken(t *testing.T) {
	good := string(repoFile(t, "compose.yaml"))
	tests := []struct {
		name, old, new string
		fails          string
	}{
		{"store elsewhere", "@postgres:5432/", "@db.example:5432/", "nodes follow the postgres service"},
		{"no store", "    - --store\n    - postgres://advosearch@postgres:5432/advosearch?sslmode=disable\n", "", "nodes follow the postgres service"},
		{"password in the URL", "postgres://advosearch@", "postgres://advosearch:hunter2@", "nodes follow the postgres service"},
		{"started only", "      condition: service_healthy", "      condition: service_started", "nodes wait for postgres to be healthy"},
		{"no health check", "    healthcheck:\n", "    x-healthcheck:\n", "nodes wait for postgres to be healthy"},
		{"shared volume", "      - node2-data:/data", "      - node1-data:/data", "each node has its own data volume"},
		{"bind mount", "      - node2-data:/data", "      - ./data:/data", "each node has its own data volume"},
		{"node publishes", "      - node2-data:/data\n", "      - node2-data:/data\n    ports:\n      - 127.0.0.1:8081:8080\n", "only the proxy publishes, on loopback"},
		{"proxy on every interface", "      - 127.0.0.1:8080:8080", "      - 8080:8080", "only the proxy publishes, on loopback"},
		{"postgres publishes", "      - postgres-data:/var/lib/postgresql/data\n", "      - postgres-data:/var/lib/postgresql/data\n    ports:\n      - 127.0.0.1:5432:5432\n", "only the proxy publishes, on loopback"},
		{"node renamed", "  node2:\n", "  search2:\n", "the proxy sends to the nodes that are ready"},
		{"another port", "    - 0.0.0.0:8080\n", "    - 0.0.0.0:9090\n", "the proxy sends to the nodes that are ready"},
		{"other proxy config", "./deploy/Caddyfile:", "./deploy/other:", "the proxy sends to the nodes that are ready"},
		{"trusts another", "    - 10.89.0.10\n", "    - 10.89.0.11\n", "the proxy is the trusted proxy"},
		{"backend open", "    internal: true\n", "", "nodes and postgres on a private network"},
		{"postgres outbound", "      backend: {}\n    healthcheck:", "      backend: {}\n      outbound: {}\n    healthcheck:", "nodes and postgres on a private network"},
		{"password written in", "POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}", "POSTGRES_PASSWORD: hunter2", "passwords and tokens come from the environment"},
		{"token defaulted", "${ADVOSEARCH_TOKEN:?set ADVOSEARCH_TOKEN}", "${ADVOSEARCH_TOKEN:-changeme}", "passwords and tokens come from the environment"},
	}
	checks := map[string]func(deployment) error{}
	for _, c := range composeChecks {
		checks[c.name] = c.check
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(good, tt.old) {
				t.Fatalf("%q not in compose.yaml", tt.old)
			}
			check, ok := checks[tt.fails]
			if !ok {
				t.Fatalf("no check named %q", tt.fails)
			}
			d := loadDeployment(t, []byte(strings.Replace(good, tt.old, tt.new, 1)))
			if err := check(d); err == nil {
				t.Errorf("check %q passed, want an error", tt.fails)
			}
		})
	}
	// A Caddyfile that leaves a node out, or checks no readiness.
	for name, edit := range map[string][2]string{
		"upstream missing": {"node1:8080 node2:8080", "node1:8080"},
		"no readiness":     {"health_uri /readyz", "health_uri /healthz"},
	} {
		t.Run(name, func(t *testing.T) {
			d := loadDeployment(t, []byte(good))
			if !strings.Contains(d.caddyfile, edit[0]) {
				t.Fatalf("%q not in deploy/Caddyfile", edit[0])
			}
			d.caddyfile = strings.Replace(d.caddyfile, edit[0], edit[1], 1)
			if err := checkUpstreams(d); err == nil {
				t.Error("checkUpstreams passed, want an error")
			}
		})
	}
}

// postgresService returns the service the nodes' --store names, which
// must run PostgreSQL.
func (c compose) postgresService(node string) (string, error) {
	store, ok := c.Services[node].flag("--store")
	if !ok {
		return "", fmt.Errorf("node %s has no --store", node)
	}
	u, err := url.Parse(store)
	if err != nil || u.Scheme != "postgres" {
		return "", fmt.Errorf("node %s: --store %q is not a postgres:// URL", node, store)
	}
	if _, set := u.User.Password(); set {
		return "", fmt.Errorf("node %s: --store %q carries a password, which any process listing shows; use PGPASSWORD", node, store)
	}
	host := u.Hostname()
	if s, ok := c.Services[host]; !ok || !strings.HasPrefix(s.Image, "postgres:") {
		return "", fmt.Errorf("node %s: --store names host %q, want the postgres service of this file", node, host)
	}
	return host, nil
}

func checkNodesStore(d deployment) error {
	var errs []error
	for _, n := range d.nodes() {
		if _, err := d.postgresService(n); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func checkNodesWait(d deployment) error {
	var errs []error
	for _, n := range d.nodes() {
		pg, err := d.postgresService(n)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if dep, ok := d.Services[n].DependsOn[pg]; !ok || dep.Condition != "service_healthy" {
			errs = append(errs, fmt.Errorf("node %s: depends_on %s %+v, want condition service_healthy", n, pg, dep))
		}
		if hc := d.Services[pg].Healthcheck; hc == nil || len(hc.Test) == 0 {
			errs = append(errs, fmt.Errorf("service %s has no healthcheck for service_healthy to wait on", pg))
		}
	}
	return errors.Join(errs...)
}

func checkNodeVolumes(d deployment) error {
	var errs []error
	owner := map[string]string{}
	for _, n := range d.nodes() {
		s := d.Services[n]
		data, ok := s.flag("--data")
		if !ok {
			errs = append(errs, fmt.Errorf("node %s has no --data", n))
			continue
		}
		var vol string
		for _, v := range s.Volumes {
			if src, dst, _ := strings.Cut(v, ":"); strings.TrimSuffix(strings.SplitN(dst, ":", 2)[0], "/") == data {
				vol = src
			}
		}
		_, declared := d.Volumes[vol]
		switch {
		case vol == "":
			errs = append(errs, fmt.Errorf("node %s: nothing is mounted on its --data %s", n, data))
		case !declared:
			errs = append(errs, fmt.Errorf("node %s: %s on %s is not a named volume of this file", n, vol, data))
		case owner[vol] != "":
			errs = append(errs, fmt.Errorf("nodes %s and %s share the volume %s: each index is its own", owner[vol], n, vol))
		default:
			owner[vol] = n
		}
	}
	return errors.Join(errs...)
}

func checkPublished(d deployment) error {
	proxy, err := d.proxy()
	if err != nil {
		return err
	}
	if slices.Contains(d.nodes(), proxy) {
		return fmt.Errorf("node %s publishes ports, want the proxy alone", proxy)
	}
	for _, p := range d.Services[proxy].Ports {
		if !strings.HasPrefix(p, "127.0.0.1:") {
			return fmt.Errorf("proxy publishes %q, want it on 127.0.0.1 only", p)
		}
	}
	return nil
}

// caddyUpstreams returns the upstreams of the Caddyfile's reverse_proxy
// and whether its active health check asks /readyz.
func caddyUpstreams(caddyfile string) (upstreams []string, readyz bool) {
	for _, line := range strings.Split(caddyfile, "\n") {
		words := strings.Fields(line)
		switch {
		case len(words) == 0 || strings.HasPrefix(words[0], "#"):
		case words[0] == "reverse_proxy":
			for _, w := range words[1:] {
				if w != "{" {
					upstreams = append(upstreams, w)
				}
			}
		case words[0] == "health_uri" && len(words) == 2:
			readyz = words[1] == "/readyz"
		}
	}
	sort.Strings(upstreams)
	return upstreams, readyz
}

func checkUpstreams(d deployment) error {
	proxy, err := d.proxy()
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(d.Services[proxy].Volumes, func(v string) bool {
		return strings.HasPrefix(v, "./deploy/Caddyfile:/etc/caddy/Caddyfile")
	}) {
		return fmt.Errorf("proxy mounts %v, want ./deploy/Caddyfile as its configuration", d.Services[proxy].Volumes)
	}
	var want []string
	for _, n := range d.nodes() {
		addr, _ := d.Services[n].flag("--addr")
		_, port, _ := strings.Cut(addr, ":")
		want = append(want, n+":"+port)
	}
	got, readyz := caddyUpstreams(d.caddyfile)
	if !slices.Equal(got, want) {
		return fmt.Errorf("deploy/Caddyfile sends to %v, want the nodes %v", got, want)
	}
	if !readyz {
		return errors.New("deploy/Caddyfile has no health_uri /readyz: requests would reach nodes that are catching up or rebuilding")
	}
	return nil
}

func checkTrustedProxy(d deployment) error {
	proxy, err := d.proxy()
	if err != nil {
		return err
	}
	var addrs []string
	for _, nw := range d.Services[proxy].Networks {
		if nw.IPv4Address != "" {
			addrs = append(addrs, nw.IPv4Address)
		}
	}
	var errs []error
	for _, n := range d.nodes() {
		if p, _ := d.Services[n].flag("--trusted-proxy"); !slices.Contains(addrs, p) {
			errs = append(errs, fmt.Errorf("node %s trusts %q, want the proxy's fixed address %v: else every client shares one rate limit", n, p, addrs))
		}
	}
	return errors.Join(errs...)
}

func checkPrivateNetwork(d deployment) error {
	proxy, err := d.proxy()
	if err != nil {
		return err
	}
	internal := func(nw string) bool { return d.Networks[nw].Internal }
	var errs []error
	pg, err := d.postgresService(d.nodes()[0])
	if err != nil {
		return err
	}
	for nw := range d.Services[pg].Networks {
		if !internal(nw) {
			errs = append(errs, fmt.Errorf("postgres is on network %s, which is not internal", nw))
		}
	}
	if len(d.Services[pg].Networks) == 0 {
		errs = append(errs, errors.New("postgres is on the default network, which is not internal"))
	}
	for _, n := range append(d.nodes(), proxy) {
		shared := false
		for nw := range d.Services[n].Networks {
			_, onPG := d.Services[pg].Networks[nw]
			shared = shared || internal(nw) && onPG
		}
		if !shared {
			errs = append(errs, fmt.Errorf("%s shares no internal network with postgres", n))
		}
	}
	return errors.Join(errs...)
}

// required is a Compose interpolation of a variable that must be set:
// ${VAR:?message}. A default (${VAR:-x}) would start with a known secret.
var required = regexp.MustCompile(`^\$\{[A-Z_][A-Z0-9_]*:\?[^}]*\}$`)

func checkSecrets(d deployment) error {
	var errs []error
	for name, s := range d.Services {
		for k, v := range s.Environment {
			secret := strings.Contains(k, "PASSWORD") || strings.Contains(k, "TOKEN") || strings.Contains(k, "SECRET")
			if secret && !required.MatchString(v) {
				errs = append(errs, fmt.Errorf("%s: %s=%q, want ${VAR:?...} from the environment", name, k, v))
			}
		}
	}
	return errors.Join(errs...)
}
