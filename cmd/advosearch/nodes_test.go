package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/record"
	"github.com/advosearch/advosearch/record/pgtest"
)

// mainArgsEnv makes the test binary run as advosearch itself, with the
// JSON array of arguments it holds: the node tests start nodes as
// processes of their own, to kill them as a crash or the OOM killer would.
const mainArgsEnv = "ADVOSEARCH_TEST_MAIN_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(mainArgsEnv); args != "" {
		var argv []string
		if err := json.Unmarshal([]byte(args), &argv); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		os.Args = append([]string{"advosearch"}, argv...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// node is one advosearch serve process.
type node struct {
	t    *testing.T
	data string
	args []string
	cmd  *exec.Cmd
	base string
	// log is what the node wrote to stderr, shown if the test fails.
	log *lockedBuffer
}

// lockedBuffer is a bytes.Buffer a process writes while the test reads.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startNode starts serve on data, on a free loopback port, and waits for
// it to listen; the test's end stops it.
func startNode(t *testing.T, data string, flags ...string) *node {
	t.Helper()
	n := &node{t: t, data: data, args: append([]string{"serve", "--data", data, "--addr", "127.0.0.1:0"}, flags...), log: &lockedBuffer{}}
	n.start()
	t.Cleanup(func() {
		n.kill()
		if t.Failed() {
			t.Logf("node on %s wrote:\n%s", data, n.log)
		}
	})
	return n
}

func (n *node) start() {
	n.t.Helper()
	argv, err := json.Marshal(n.args)
	if err != nil {
		n.t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), mainArgsEnv+"="+string(argv))
	cmd.Stderr = n.log
	out, err := cmd.StdoutPipe()
	if err != nil {
		n.t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		n.t.Fatal(err)
	}
	n.cmd = cmd
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		if _, url, ok := strings.Cut(lines.Text(), " at http://"); ok && strings.HasPrefix(lines.Text(), "serving ") {
			n.base = "http://" + strings.TrimSuffix(url, "/")
			go io.Copy(io.Discard, out)
			return
		}
	}
	n.kill()
	n.t.Fatalf("node on %s printed no address", n.data)
}

// kill ends the process at once, with SIGKILL: nothing is flushed or
// closed.
func (n *node) kill() {
	if n.cmd == nil {
		return
	}
	_ = n.cmd.Process.Kill() // it may have exited already
	_ = n.cmd.Wait()         // killed: the error says so
	n.cmd = nil
}

// stop ends the process as a service manager does, with SIGTERM.
func (n *node) stop() {
	n.t.Helper()
	if err := n.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		n.t.Fatal(err)
	}
	if err := n.cmd.Wait(); err != nil {
		n.t.Errorf("node on %s, stopped: %v", n.data, err)
	}
	n.cmd = nil
}

func (n *node) restart() {
	n.t.Helper()
	n.kill()
	n.start()
}

// api calls the JSON API with the token and decodes the answer into out,
// failing unless its status is want.
func api(t *testing.T, method, url, token, body string, want int, out any) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != want {
		t.Fatalf("%s %s: %d %s, want %d", method, url, resp.StatusCode, b, want)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, url, err, b)
		}
	}
}

// stream sends statements about word0, word1, … to base until stop is
// closed or count are sent, and returns the words whose statement the node
// acknowledged. A refused or cut-off request ends the stream.
func stream(base, token, word string, count int, acked chan<- string) {
	defer close(acked)
	for i := range count {
		w := fmt.Sprintf("%s%d", word, i)
		rec := fmt.Sprintf(`{"title":"On %s","body":"A %s statement about %s.","url":"https://example.org/%s"}`, w, word, w, w)
		req, _ := http.NewRequest(http.MethodPost, base+"/api/documents", strings.NewReader(rec))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return
		}
		acked <- w
	}
}

// holdingReceiver is a webhook endpoint that holds the first delivery it
// gets without answering, until the sender goes away, and accepts the
// rest. accepted counts, by delivery ID, the deliveries it answered 2xx.
type holdingReceiver struct {
	mu       sync.Mutex
	secrets  [][]byte
	hold     bool
	held     chan string
	attempts map[string]int
	accepted map[string]int
	bad      []error
}

func (rc *holdingReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	id := r.Header.Get(alerts.HeaderDelivery)
	rc.mu.Lock()
	verr := fmt.Errorf("delivery %s: no secret verifies it", id)
	for _, s := range rc.secrets {
		if alerts.Verify(s, r.Header, body, time.Now(), 5*time.Minute) == nil {
			verr = nil
		}
	}
	if verr != nil {
		rc.bad = append(rc.bad, verr)
	}
	rc.attempts[id]++
	hold := rc.hold
	rc.hold = false
	rc.mu.Unlock()
	if hold {
		rc.held <- id
		<-r.Context().Done() // the sender was killed
		return
	}
	rc.mu.Lock()
	rc.accepted[id]++
	rc.mu.Unlock()
}

func (rc *holdingReceiver) counts() (attempts, accepted map[string]int) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	attempts, accepted = map[string]int{}, map[string]int{}
	for k, v := range rc.attempts {
		attempts[k] = v
	}
	for k, v := range rc.accepted {
		accepted[k] = v
	}
	return attempts, accepted
}

// Three serve --store nodes, each a process of its own, on one PostgreSQL:
// what one ingests the others find; an alert made on one fires for what
// another ingests; a node killed with SIGKILL loses nothing it
// acknowledged and catches up; a webhook arrives once across the nodes
// though the node sending it was killed; a new node builds its index from
// the record alone.
func TestNodes_threeOnOneRecord(t *testing.T) {
	pg := pgtest.Start(t)
	const token = "nodes-test-token"
	flags := []string{"--store", pg.URL, "--token", token, "--webhook-secret", "server-secret", "--allow-private-network"}
	n1 := startNode(t, t.TempDir(), flags...)
	waitReady(t, n1.base)
	n2 := startNode(t, t.TempDir(), flags...)
	n3 := startNode(t, t.TempDir(), flags...)
	for _, n := range []*node{n2, n3} {
		waitReady(t, n.base)
	}

	// Ingest on node 1 is searchable on nodes 2 and 3.
	postStatement(t, n1.base, token, "quokkas", http.StatusOK)
	waitTotal(t, n2.base, "quokkas", 1)
	waitTotal(t, n3.base, "quokkas", 1)

	// An alert made on node 3 fires for a statement ingested on node 1,
	// and node 2 shows the match.
	rc := &holdingReceiver{held: make(chan string, 1), attempts: map[string]int{}, accepted: map[string]int{}}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	var alert struct {
		ID            string `json:"id"`
		WebhookSecret string `json:"webhook_secret"`
	}
	api(t, http.MethodPost, n3.base+"/api/alerts", token, fmt.Sprintf(`{"name":"Pangolins","q":"pangolins","webhook_url":%q}`, hook.URL), http.StatusCreated, &alert)
	rc.mu.Lock()
	rc.secrets = append(rc.secrets, []byte(alert.WebhookSecret))
	rc.mu.Unlock()
	postStatement(t, n1.base, token, "pangolins", http.StatusOK)
	var matches struct {
		Matches []alerts.Match `json:"matches"`
	}
	waitUntil(t, "the match of the alert made on node 3, on node 2", func() bool {
		api(t, http.MethodGet, n2.base+"/api/alerts/"+alert.ID+"/matches", token, "", http.StatusOK, &matches)
		return len(matches.Matches) == 1
	})
	if m := matches.Matches[0]; m.Title != "On pangolins" {
		t.Errorf("the match is %+v, want the statement on pangolins", m)
	}
	waitUntil(t, "the webhook of the first match", func() bool {
		_, accepted := rc.counts()
		return len(accepted) == 1
	})

	// Node 2 is killed while node 1 ingests a stream, then restarted: it
	// catches up with every statement node 1 acknowledged, once.
	acked := make(chan string)
	go stream(n1.base, token, "numbat", 30, acked)
	var words []string
	for w := range acked {
		words = append(words, w)
		if len(words) == 10 {
			n2.kill()
		}
	}
	n2.start()
	waitReady(t, n2.base)
	for _, n := range []*node{n1, n2, n3} {
		waitTotal(t, n.base, "numbat", uint64(len(words)))
	}
	numbats := len(words)

	// Node 3 is killed while it ingests: what it acknowledged is on the
	// others.
	acked = make(chan string)
	go stream(n3.base, token, "wombat", 60, acked)
	words = nil
	for w := range acked {
		words = append(words, w)
		if len(words) == 10 {
			n3.kill()
		}
	}
	if len(words) < 10 {
		t.Fatalf("node 3 acknowledged %d statements before it was killed, want 10", len(words))
	}
	for _, n := range []*node{n1, n2} {
		for _, w := range words {
			waitTotal(t, n.base, w, 1)
		}
	}

	// A webhook is delivered once across the nodes though the node
	// sending it is killed while it waits for the receiver: node 1 alone
	// sends, the receiver holds its request, node 1 dies, and node 2 sends
	// the same delivery again when node 1's claim lapses.
	n2.stop()
	rc.mu.Lock()
	rc.hold = true
	rc.mu.Unlock()
	postStatement(t, n1.base, token, "pangolins-again", http.StatusOK)
	var held string
	select {
	case held = <-rc.held:
	case <-time.After(30 * time.Second):
		t.Fatal("node 1 sent no delivery of the second match")
	}
	n1.kill()
	n2.start()
	waitUntil(t, "the held delivery, sent again by node 2", func() bool {
		_, accepted := rc.counts()
		return accepted[held] == 1
	})
	attempts, accepted := rc.counts()
	for id, k := range accepted {
		if k != 1 {
			t.Errorf("delivery %s accepted %d times, want once", id, k)
		}
	}
	if len(accepted) != 2 || attempts[held] != 2 {
		t.Errorf("deliveries accepted %v after attempts %v; want 2, the held one sent twice under one ID", accepted, attempts)
	}
	rc.mu.Lock()
	if len(rc.bad) > 0 {
		t.Errorf("deliveries failed verification: %v", rc.bad)
	}
	rc.mu.Unlock()

	// The ingest log names each request the nodes took, and which node
	// took it: nodes 1 and 3 took statements.
	rec, err := record.Open(context.Background(), pg.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close()
	log, err := rec.IngestLog(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	nodes, indexed := map[string]bool{}, 0
	for _, e := range log {
		nodes[e.Node] = true
		indexed += e.Indexed
	}
	// quokkas, pangolins, the numbats, the wombats node 3 acknowledged,
	// pangolins-again; node 3 may have taken one more it had no time to
	// acknowledge.
	if acked := 3 + numbats + len(words); len(nodes) != 2 || indexed < acked {
		t.Errorf("the ingest log holds %d statements from nodes %v; want at least the %d acknowledged, from 2 nodes", indexed, nodes, acked)
	}

	// A fresh node builds its index from the record alone.
	n4 := startNode(t, t.TempDir(), flags...)
	waitReady(t, n4.base)
	if want, got := total(t, n2.base, ""), total(t, n4.base, ""); got != want {
		t.Errorf("a new node holds %d statements, node 2 %d", got, want)
	}
}

// waitUntil polls ok for up to a minute: a claim a killed node held lapses
// after 20 s (two webhook timeouts), and a node polls every 5 s.
func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("waited a minute for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
