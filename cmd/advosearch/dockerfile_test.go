package main

// Tests for the repository's Dockerfile, README.md and .ci/run. They read
// those files only and use nothing else from this package, so they keep
// working while main.go changes.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
)

// repoFile reads a file at the repository root (tests run in cmd/advosearch).
func repoFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// dockerfileChecks are the properties the image must have. Each returns nil or
// says what is wrong; TestDockerfileChecks_Broken proves each one can fail.
var dockerfileChecks = []struct {
	name  string
	check func([]instructions.Stage) error
}{
	{"multi-stage", checkMultiStage},
	{"go build ./cmd/advosearch", checkBuildPackage},
	{"CGO_ENABLED=0", checkNoCgo},
	{"non-root user", checkNonRootUser},
	{"data volume", checkDataVolume},
	{"entrypoint is the built binary", checkEntrypoint},
	{"listens on all interfaces", checkListenAddr},
}

func TestDockerfile(t *testing.T) {
	stages, err := parseDockerfile(repoFile(t, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range dockerfileChecks {
		t.Run(c.name, func(t *testing.T) {
			if err := c.check(stages); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestDockerfile_Lint(t *testing.T) {
	warnings, err := lintDockerfile(repoFile(t, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warnings {
		t.Errorf("lint: %s", w)
	}
}

// goodDockerfile passes every check; each broken case changes one thing.
const goodDockerfile = `FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /out/advosearch ./cmd/advosearch
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/advosearch /advosearch
USER nonroot
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["/advosearch"]
CMD ["serve", "--data", "/data", "--addr", "0.0.0.0:8080"]
`

func TestDockerfileChecks_Broken(t *testing.T) {
	good, err := parseDockerfile([]byte(goodDockerfile))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range dockerfileChecks {
		if err := c.check(good); err != nil {
			t.Fatalf("%s: good Dockerfile fails: %v", c.name, err)
		}
	}
	tests := []struct {
		name, old, new string
		fails          string // the check that must report it
	}{
		{"single stage", "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/advosearch /advosearch\n", "", "multi-stage"},
		{"all packages", " ./cmd/advosearch\n", " ./...\n", "go build ./cmd/advosearch"},
		{"two packages", " ./cmd/advosearch\n", " ./cmd/advosearch ./cmd/other\n", "go build ./cmd/advosearch"},
		{"cgo left on", "CGO_ENABLED=0 ", "", "CGO_ENABLED=0"},
		{"cgo on", "CGO_ENABLED=0 ", "CGO_ENABLED=1 ", "CGO_ENABLED=0"},
		{"root user", "USER nonroot", "USER root", "non-root user"},
		{"uid 0", "USER nonroot", "USER 0:0", "non-root user"},
		{"no user", "USER nonroot\n", "", "non-root user"},
		{"volume elsewhere", "VOLUME /data", "VOLUME /tmp", "data volume"},
		{"no volume", "VOLUME /data\n", "", "data volume"},
		{"entrypoint elsewhere", `ENTRYPOINT ["/advosearch"]`, `ENTRYPOINT ["/bin/advosearch"]`, "entrypoint is the built binary"},
		{"copies another file", "COPY --from=build /out/advosearch /advosearch", "COPY --from=build /out/other /advosearch", "entrypoint is the built binary"},
		{"loopback only", "0.0.0.0:8080", "127.0.0.1:8080", "listens on all interfaces"},
		{"port not exposed", "EXPOSE 8080", "EXPOSE 9090", "listens on all interfaces"},
	}
	checks := map[string]func([]instructions.Stage) error{}
	for _, c := range dockerfileChecks {
		checks[c.name] = c.check
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(goodDockerfile, tt.old) {
				t.Fatalf("%q not in goodDockerfile", tt.old)
			}
			stages, err := parseDockerfile([]byte(strings.Replace(goodDockerfile, tt.old, tt.new, 1)))
			if err != nil {
				t.Fatal(err)
			}
			check, ok := checks[tt.fails]
			if !ok {
				t.Fatalf("no check named %q", tt.fails)
			}
			if err := check(stages); err == nil {
				t.Errorf("check %q passed, want an error", tt.fails)
			}
		})
	}
}

// TestREADME_RunMatchesDockerfile keeps the documented run command and the
// image building the same program.
func TestREADME_RunMatchesDockerfile(t *testing.T) {
	stages, err := parseDockerfile(repoFile(t, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	build, err := findGoBuild(stages)
	if err != nil {
		t.Fatal(err)
	}
	line := readmeCodeLine(t, "go run")
	words := strings.Fields(line)
	i := slices.Index(words, "run")
	var pkg string
	for _, w := range words[i+1:] {
		if !strings.HasPrefix(w, "-") {
			pkg = w
			break
		}
	}
	if want := strings.Join(build.packages, " "); pkg != want {
		t.Errorf("README runs %q (line %q), Dockerfile builds %q", pkg, line, want)
	}
}

// TestCIRun_MatchesREADME: CI must run exactly the test command the README
// tells contributors to run.
func TestCIRun_MatchesREADME(t *testing.T) {
	want, _, _ := strings.Cut(readmeCodeLine(t, "go test"), "#")
	want = strings.TrimSpace(want)
	ci := repoFile(t, filepath.Join(".ci", "run"))
	lines := strings.Split(string(ci), "\n")
	if !slices.ContainsFunc(lines, func(l string) bool { return strings.TrimSpace(l) == want }) {
		t.Errorf(".ci/run has no line %q (the README's test command)", want)
	}
	if !bytes.Contains(ci, []byte("set -euo pipefail")) {
		t.Error(".ci/run: missing set -euo pipefail")
	}
}

// readmeCodeLine returns the first line of a code block in README.md (fenced
// or indented by four spaces or a tab) that contains substr.
func readmeCodeLine(t *testing.T, substr string) string {
	t.Helper()
	sc := bufio.NewScanner(bytes.NewReader(repoFile(t, "README.md")))
	fenced := false
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		code := fenced || strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t")
		if code && strings.Contains(line, substr) {
			return strings.TrimSpace(line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Fatalf("README.md: no code line contains %q", substr)
	return ""
}

func parseDockerfile(src []byte) ([]instructions.Stage, error) {
	res, err := parser.Parse(bytes.NewReader(src))
	if err != nil {
		return nil, err
	}
	stages, _, err := instructions.Parse(res.AST, nil)
	return stages, err
}

// goBuild is the `go build` RUN of a build stage, split into shell words.
type goBuild struct {
	stage    int
	env      map[string]string // VAR=x before `go`, and the stage's ENV before the RUN
	output   string            // -o
	packages []string
}

// noEnv makes the shell lexer leave $VARS alone.
type noEnv struct{}

func (noEnv) Get(string) (string, bool) { return "", false }
func (noEnv) Keys() []string            { return nil }

// goBuildValueFlags are the go build flags that take a separate value.
var goBuildValueFlags = []string{"-o", "-ldflags", "-gcflags", "-asmflags", "-tags", "-mod", "-modfile",
	"-p", "-pkgdir", "-buildmode", "-compiler", "-installsuffix", "-overlay", "-pgo", "-toolexec", "-C"}

// findGoBuild finds the single `go build` in the stages before the last.
func findGoBuild(stages []instructions.Stage) (*goBuild, error) {
	var found []*goBuild
	for si, st := range stages[:max(len(stages)-1, 0)] {
		env := map[string]string{}
		for _, cmd := range st.Commands {
			switch c := cmd.(type) {
			case *instructions.EnvCommand:
				for _, kv := range c.Env {
					env[kv.Key] = kv.Value
				}
			case *instructions.RunCommand:
				words := c.CmdLine
				if c.PrependShell {
					var err error
					words, err = shell.NewLex('\\').ProcessWords(strings.Join(c.CmdLine, " "), noEnv{})
					if err != nil {
						return nil, fmt.Errorf("%s: %w", c, err)
					}
				}
				if b := parseGoBuild(words, env); b != nil {
					b.stage = si
					found = append(found, b)
				}
			}
		}
	}
	if len(found) != 1 {
		return nil, fmt.Errorf("found %d `go build` commands in build stages, want 1", len(found))
	}
	return found[0], nil
}

// parseGoBuild reads `[VAR=x ...] go build [flags] packages` from shell words,
// up to the first && ; or |, or returns nil if the words hold no go build.
func parseGoBuild(words []string, stageEnv map[string]string) *goBuild {
	for i := 0; i+1 < len(words); i++ {
		if words[i] != "go" || words[i+1] != "build" {
			continue
		}
		b := &goBuild{env: maps.Clone(stageEnv)}
		for j := i - 1; j >= 0 && strings.Contains(words[j], "="); j-- {
			k, v, _ := strings.Cut(words[j], "=")
			b.env[k] = v
		}
		rest := words[i+2:]
		for j := 0; j < len(rest); j++ {
			w := rest[j]
			switch {
			case w == "&&" || w == ";" || w == "|" || w == "||":
				return b
			case slices.Contains(goBuildValueFlags, w) && j+1 < len(rest):
				if w == "-o" {
					b.output = rest[j+1]
				}
				j++
			case strings.HasPrefix(w, "-o="):
				b.output = strings.TrimPrefix(w, "-o=")
			case strings.HasPrefix(w, "-"):
			default:
				b.packages = append(b.packages, w)
			}
		}
		return b
	}
	return nil
}

func finalStage(stages []instructions.Stage) instructions.Stage { return stages[len(stages)-1] }

// lastCommand returns the final stage's last command of type T (the one that
// takes effect), or nil.
func lastCommand[T instructions.Command](stages []instructions.Stage) T {
	var last T
	for _, c := range finalStage(stages).Commands {
		if t, ok := c.(T); ok {
			last = t
		}
	}
	return last
}

func checkMultiStage(stages []instructions.Stage) error {
	if len(stages) < 2 {
		return fmt.Errorf("got %d stages, want at least 2 (build + runtime)", len(stages))
	}
	return nil
}

func checkBuildPackage(stages []instructions.Stage) error {
	b, err := findGoBuild(stages)
	if err != nil {
		return err
	}
	if !slices.Equal(b.packages, []string{"./cmd/advosearch"}) {
		return fmt.Errorf("go build packages %q, want [./cmd/advosearch]", b.packages)
	}
	return nil
}

func checkNoCgo(stages []instructions.Stage) error {
	b, err := findGoBuild(stages)
	if err != nil {
		return err
	}
	if v, ok := b.env["CGO_ENABLED"]; !ok || v != "0" {
		return fmt.Errorf("go build runs with CGO_ENABLED=%q (set: %v), want 0 for a static binary", v, ok)
	}
	return nil
}

func checkNonRootUser(stages []instructions.Stage) error {
	u := lastCommand[*instructions.UserCommand](stages)
	if u == nil {
		return errors.New("final stage has no USER: it would run as root")
	}
	name, _, _ := strings.Cut(u.User, ":")
	if name == "" || name == "root" || name == "0" {
		return fmt.Errorf("final stage runs as %q, want a non-root user", u.User)
	}
	return nil
}

// cmdFlag returns the value of --name in the final stage's exec-form CMD.
func cmdFlag(stages []instructions.Stage, name string) (string, error) {
	c := lastCommand[*instructions.CmdCommand](stages)
	if c == nil || c.PrependShell {
		return "", errors.New("final stage has no exec-form CMD")
	}
	for i, a := range c.CmdLine {
		if a == name && i+1 < len(c.CmdLine) {
			return c.CmdLine[i+1], nil
		}
		if v, ok := strings.CutPrefix(a, name+"="); ok {
			return v, nil
		}
	}
	return "", fmt.Errorf("CMD %q has no %s", c.CmdLine, name)
}

func checkDataVolume(stages []instructions.Stage) error {
	data, err := cmdFlag(stages, "--data")
	if err != nil {
		return err
	}
	for _, c := range finalStage(stages).Commands {
		if v, ok := c.(*instructions.VolumeCommand); ok && slices.Contains(v.Volumes, data) {
			return nil
		}
	}
	return fmt.Errorf("no VOLUME %s for the --data folder", data)
}

func checkEntrypoint(stages []instructions.Stage) error {
	b, err := findGoBuild(stages)
	if err != nil {
		return err
	}
	ep := lastCommand[*instructions.EntrypointCommand](stages)
	if ep == nil || ep.PrependShell || len(ep.CmdLine) == 0 {
		return errors.New("final stage has no exec-form ENTRYPOINT")
	}
	build := stages[b.stage]
	for _, c := range finalStage(stages).Commands {
		cp, ok := c.(*instructions.CopyCommand)
		if !ok || (cp.From != build.Name && cp.From != strconv.Itoa(b.stage)) || !slices.Contains(cp.SourcePaths, b.output) {
			continue
		}
		dest := cp.DestPath
		if strings.HasSuffix(dest, "/") {
			dest = path.Join(dest, path.Base(b.output))
		}
		if dest == ep.CmdLine[0] {
			return nil
		}
	}
	return fmt.Errorf("ENTRYPOINT %q is not the go build output %s copied from stage %q", ep.CmdLine, b.output, build.Name)
}

func checkListenAddr(stages []instructions.Stage) error {
	addr, err := cmdFlag(stages, "--addr")
	if err != nil {
		return err
	}
	host, port, ok := strings.Cut(addr, ":")
	if !ok || (host != "" && host != "0.0.0.0") {
		return fmt.Errorf("--addr %q: in a container the server must listen on all interfaces", addr)
	}
	for _, c := range finalStage(stages).Commands {
		if e, ok := c.(*instructions.ExposeCommand); ok && (slices.Contains(e.Ports, port) || slices.Contains(e.Ports, port+"/tcp")) {
			return nil
		}
	}
	return fmt.Errorf("--addr port %s is not in EXPOSE", port)
}

// lintDockerfile returns one line per warning from the rules BuildKit runs
// while parsing (FromAsCasing, StageNameCasing, LegacyKeyValueFormat, ...).
// The rest of BuildKit's linter lives in dockerfile2llb, which pulls in
// ~300 packages and resolves base images over the network.
func lintDockerfile(src []byte) ([]string, error) {
	var warnings []string
	lint := linter.New(&linter.Config{
		Warn: func(rule, _, url, msg string, loc []parser.Range) {
			line := 0
			if len(loc) > 0 {
				line = loc[0].Start.Line
			}
			warnings = append(warnings, fmt.Sprintf("line %d: %s: %s (%s)", line, rule, msg, url))
		},
	})
	res, err := parser.Parse(bytes.NewReader(src))
	if err != nil {
		return nil, err
	}
	for _, w := range res.Warnings {
		warnings = append(warnings, w.Short)
	}
	if _, _, err := instructions.Parse(res.AST, lint); err != nil {
		return nil, err
	}
	return warnings, nil
}
