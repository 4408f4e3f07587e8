// Package pgtest starts a real PostgreSQL for tests: Debian's PostgreSQL 15
// binaries, a cluster in a temporary folder on a free loopback port, run as
// the postgres user because PostgreSQL refuses to run as root and tests
// here run as root.
//
// A package starts one cluster in TestMain (Main) and each test takes a
// database of its own from it (Cluster.Database), since initdb takes
// seconds and CREATE DATABASE a fraction of one. A test that stops
// PostgreSQL under the code it tests starts a cluster of its own (Start).
// Without the binaries the tests skip, unless CI is set, where a missing
// PostgreSQL is a failure: .ci/run installs it.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5"
)

// BinDir is where Debian's postgresql package puts the server binaries.
const BinDir = "/usr/lib/postgresql/15/bin"

// ErrMissing means the PostgreSQL binaries are not installed.
var ErrMissing = errors.New("pgtest: PostgreSQL is not installed (apt-get install postgresql)")

// Cluster is one running PostgreSQL. Stop and Start take it away from the
// code under test and give it back on the same port.
type Cluster struct {
	dir  string
	port int
	// URL connects to the cluster's postgres database as its superuser.
	URL string
}

// Main runs a test package with one cluster, which run gets (nil when
// PostgreSQL is not installed: Need then skips or fails each test), and
// removes it afterwards. Call it from TestMain: os.Exit(pgtest.Main(m, &c)).
func Main(m *testing.M, c **Cluster) int {
	dir, err := os.MkdirTemp("", "pgtest")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	cl, err := New(dir)
	switch {
	case errors.Is(err, ErrMissing):
	case err != nil:
		fmt.Fprintln(os.Stderr, err)
		return 1
	default:
		defer cl.Close()
		*c = cl
	}
	return m.Run()
}

// Need skips t when c is nil because PostgreSQL is not installed, or fails
// it under CI.
func Need(t testing.TB, c *Cluster) {
	t.Helper()
	if c != nil {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatal(ErrMissing.Error() + "; .ci/run installs it")
	}
	t.Skip(ErrMissing.Error() + " to run this test")
}

// Start starts a cluster of the test's own, in t.TempDir(), stopped when
// the test ends.
func Start(t testing.TB) *Cluster {
	t.Helper()
	c, err := New(t.TempDir())
	if errors.Is(err, ErrMissing) {
		Need(t, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// New initialises a cluster in dir and starts it.
func New(dir string) (*Cluster, error) {
	if _, err := os.Stat(filepath.Join(BinDir, "initdb")); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMissing, err)
	}
	// The postgres user must reach the folder: the temporary folders'
	// parents may be private to root.
	for d := dir; d != os.TempDir() && d != "/" && d != "."; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o777); err != nil {
			return nil, fmt.Errorf("pgtest: %w", err)
		}
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, port: port, URL: fmt.Sprintf("postgres://advo@127.0.0.1:%d/postgres?sslmode=disable", port)}
	cmd, err := c.command("initdb", "-D", c.dataDir(), "-A", "trust", "-U", "advo", "--no-sync")
	if err != nil {
		return nil, err
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pgtest: initdb: %w\n%s", err, out)
	}
	return c, c.Start()
}

func (c *Cluster) dataDir() string { return filepath.Join(c.dir, "db") }

// Start starts the cluster, waiting until it accepts connections.
func (c *Cluster) Start() error {
	// fsync off: a test cluster need not survive a power cut, and fsync
	// is most of the time of a small transaction on a shared disk.
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off", c.port, c.dir)
	if err := c.ctl("-w", "-o", opts, "-l", filepath.Join(c.dir, "log"), "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(c.dir, "log")) // shown if there is one
		return fmt.Errorf("pgtest: start: %w\n%s", err, log)
	}
	return nil
}

// Stop stops the cluster at once, as a crash or a network cut looks to
// its clients: their connections break.
func (c *Cluster) Stop() error {
	if err := c.ctl("-w", "-m", "immediate", "stop"); err != nil {
		return fmt.Errorf("pgtest: stop: %w", err)
	}
	return nil
}

// Close stops the cluster whatever state it is in.
func (c *Cluster) Close() {
	_ = c.ctl("-m", "immediate", "stop") // an error means it was stopped already
}

// notName are the characters a test name may have that a database name
// should not.
var notName = regexp.MustCompile(`[^a-z0-9_]+`)

// Database creates an empty database for t and returns its URL.
func (c *Cluster) Database(t testing.TB) string {
	t.Helper()
	name := notName.ReplaceAllString(strings.ToLower(t.Name()), "_")
	name = fmt.Sprintf("t_%.40s_%d", name, c.port)
	ctx := t.Context()
	conn, err := pgx.Connect(ctx, c.URL)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer conn.Close(ctx)
	// Quoted, and made of [a-z0-9_] only: no injection from a test name.
	if _, err := conn.Exec(ctx, `DROP DATABASE IF EXISTS "`+name+`"`); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	if _, err := conn.Exec(ctx, `CREATE DATABASE "`+name+`"`); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	return strings.Replace(c.URL, "/postgres?", "/"+name+"?", 1)
}

// Terminate breaks every connection to the cluster but the caller's,
// as a restart of PostgreSQL would, while it stays up.
func (c *Cluster) Terminate(ctx context.Context) error {
	conn, err := pgx.Connect(ctx, c.URL)
	if err != nil {
		return fmt.Errorf("pgtest: %w", err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'")
	if err != nil {
		return fmt.Errorf("pgtest: %w", err)
	}
	return nil
}

func (c *Cluster) ctl(args ...string) error {
	cmd, err := c.command("pg_ctl", append([]string{"-D", c.dataDir()}, args...)...)
	if err != nil {
		return err
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%w: %s", err, out)
	}
	return nil
}

// command runs a PostgreSQL binary as the postgres user when the test
// runs as root, and as the test's own user otherwise.
func (c *Cluster) command(name string, args ...string) (*exec.Cmd, error) {
	cmd := exec.Command(filepath.Join(BinDir, name), args...)
	cmd.Dir = c.dir
	if os.Geteuid() != 0 {
		return cmd, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("pgtest: running as root needs the postgres user: %w", err)
	}
	uid, uerr := strconv.ParseUint(u.Uid, 10, 32)
	gid, gerr := strconv.ParseUint(u.Gid, 10, 32)
	if uerr != nil || gerr != nil {
		return nil, fmt.Errorf("pgtest: the postgres user's ids %q:%q are not numbers", u.Uid, u.Gid)
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
	cmd.Env = append(os.Environ(), "HOME="+c.dir)
	return cmd, nil
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgtest: %w", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}
