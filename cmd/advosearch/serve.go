package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os"
	"time"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/indexer"
	"github.com/advosearch/advosearch/originals"
	"github.com/advosearch/advosearch/record"
	"github.com/advosearch/advosearch/search"
	"github.com/advosearch/advosearch/web"
)

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", defaultData, "data folder holding the index")
	// Loopback by default: exposing the server is a decision, not an accident.
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	op := fs.String("default-operator", "and", "how adjacent words of a query combine: and or or")
	token := fs.String("token", os.Getenv("ADVOSEARCH_TOKEN"), "bearer token for the alert endpoints; without one they are disabled")
	secret := fs.String("webhook-secret", os.Getenv("ADVOSEARCH_WEBHOOK_SECRET"), "key that signs webhook deliveries (default: kept in the data folder)")
	baseURL := fs.String("base-url", "", "public URL of the server, for feed links behind a proxy")
	watch := fs.String("watch", "", "file of RSS/Atom feed URLs, one a line, to poll and index while serving")
	every := fs.Duration("watch-every", 15*time.Minute, "how often --watch polls the feeds")
	allowPrivate := fs.Bool("allow-private-network", false, allowPrivateUsage)
	logFormat := fs.String("log-format", "text", "log lines as text or json")
	rateLimit := fs.Float64("rate-limit", web.DefaultRateLimit, "API and feed requests per second allowed to one client address, bursts twice that")
	storeURL := fs.String("store", os.Getenv("ADVOSEARCH_STORE"), "postgres:// URL of the shared statement record that several nodes follow (default: none, the data folder alone)")
	var proxies prefixList
	fs.Var(&proxies, "trusted-proxy", "address or CIDR of a reverse proxy whose X-Forwarded-For / X-Real-IP names the client (repeatable)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		// Before the data folder is opened: "serve x" is a mistake, not a
		// reason to create ./advosearch-data and start serving.
		return fmt.Errorf("serve: unexpected argument %q (flags only; see advosearch serve -h)", fs.Arg(0))
	}
	var defaultOr bool
	switch *op {
	case "and":
	case "or":
		defaultOr = true
	default:
		return fmt.Errorf("serve: --default-operator %q: must be and or or", *op)
	}
	var (
		rec    *record.Store
		shared *alerts.Shared
		inOpts indexer.Options
		err    error
	)
	if *storeURL != "" {
		// PostgreSQL must answer at start: the schema is migrated here,
		// and a node that never reached it would serve an index it cannot
		// say is current.
		if rec, err = record.Open(ctx, *storeURL); err != nil {
			return fmt.Errorf("serve: --store: %w", err)
		}
		defer rec.Close()
		shared = alerts.NewShared(rec.Pool(), alerts.Options{})
		inOpts = recordOptions(rec, shared)
	}
	d, err := openNodeData(ctx, rec, *data, *addr, inOpts, stdout)
	if err != nil {
		return err
	}
	defer d.Close()
	ix, store, in := d.ix, d.alerts, d.in
	seed := rec == nil
	if rec != nil {
		// Only a new record gets the sample statements, once; a new node
		// on a record in use gets its statements from the follower.
		n, err := rec.Behind(ctx, 0)
		if err != nil {
			return fmt.Errorf("serve: --store: %w", err)
		}
		seed = n == 0
	}
	if seed {
		if err := indexSeedsIfEmpty(ctx, ix, in, stdout); err != nil {
			return err
		}
	}
	key, err := webhookSecret(*data, *secret)
	if err != nil {
		return err
	}
	delivererOpts := alerts.DelivererOptions{Secret: []byte(key), AllowPrivate: *allowPrivate}
	deliverer := alerts.NewDeliverer(store, delivererOpts)
	if shared != nil {
		deliverer = alerts.NewDeliverer(shared, delivererOpts)
	}
	var logger *slog.Logger
	switch *logFormat {
	case "text":
		logger = slog.New(slog.NewTextHandler(stderr, nil))
	case "json":
		logger = slog.New(slog.NewJSONHandler(stderr, nil))
	default:
		return fmt.Errorf("serve: --log-format %q: must be text or json", *logFormat)
	}
	var ready func() (string, bool)
	// stopFollowing runs before the index closes, on every way out: the
	// follower stops writing first.
	stopFollowing := func() {}
	if rec != nil {
		f, stop, err := followRecord(rec, ix, *data, logger)
		if err != nil {
			return err
		}
		stopFollowing = stop
		defer stop()
		ready = func() (string, bool) { return f.Status().Ready() }
	}
	// The ingest functions read logged when called: its node is named
	// once the listener has its address.
	logged := ingestLog{rec: rec, logger: logger}
	webOpts := web.Options{
		Logger: logger, DefaultOr: defaultOr, Token: *token, Alerts: store, BaseURL: *baseURL,
		RateLimit: *rateLimit, TrustedProxies: proxies,
		Backup:     func(_ context.Context, dir string) error { return d.Backup(dir, *data) },
		Delete:     d.Delete,
		Ready:      ready,
		IndexSize:  ix.Size,
		Indexed:    ix.Written,
		Deliveries: deliverer.Stats,
		Ingest: func(ctx context.Context, jsonl io.Reader) (web.IngestResult, error) {
			sum, err := in.JSONL(ctx, jsonl, "request")
			return logged.ingest(ctx, "JSONL request", ingestResult(sum), err)
		},
		IngestFile: func(ctx context.Context, f web.IngestFile) (web.IngestResult, error) {
			sum, err := d.ingestFile(ctx, f)
			return logged.ingest(ctx, corpus.ProvenanceOf(f.Origin).String(), ingestResult(sum), err)
		},
		Originals: originals.NewFinder(d.originals, indexer.ContentHash, indexer.DefaultMaxDocumentBytes),
	}
	if shared != nil {
		webOpts.Alerts = shared
	}
	srv, err := web.New(search.New(ix), webOpts)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	logged.node = nodeName(ln.Addr().String())
	n, _ := ix.Count()
	fmt.Fprintf(stdout, "serving %d statements at http://%s/\n", n, ln.Addr())

	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	// The deliverer outlives ctx: on a signal it finishes what it is sending
	// (Shutdown below) rather than being cut off.
	deliveries, stopDeliveries := context.WithCancel(context.Background())
	defer stopDeliveries()
	go deliverer.Run(deliveries)
	if rec != nil {
		// Every node runs the percolation jobs of every node's batches;
		// each job is claimed by one.
		percolation, stopPercolation := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() {
			defer close(done)
			rec.RunPercolation(percolation, shared.PercolateTx, logger)
		}()
		defer func() { stopPercolation(); <-done }()
	}
	if *watch != "" {
		w := newWatcher(*data, *watch, in, *allowPrivate, logger)
		go w.Run(deliveries, *every)
	}
	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// Finish the requests in flight before the index closes under them.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	// Deliveries in flight finish; the rest wait in the outbox for the next
	// start.
	if err := deliverer.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	stopFollowing()
	return d.Close()
}

// prefixList is a repeatable flag of addresses or CIDR ranges; an address
// alone is a range of one.
type prefixList []netip.Prefix

func (l *prefixList) String() string { return fmt.Sprint([]netip.Prefix(*l)) }

func (l *prefixList) Set(v string) error {
	p, err := netip.ParsePrefix(v)
	if err != nil {
		a, aerr := netip.ParseAddr(v)
		if aerr != nil {
			return fmt.Errorf("%q is neither an address nor a CIDR range (127.0.0.1, 10.0.0.0/8)", v)
		}
		p = netip.PrefixFrom(a, a.BitLen())
	}
	*l = append(*l, p)
	return nil
}
