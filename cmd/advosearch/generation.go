package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
	"github.com/advosearch/advosearch/record"
)

// openNodeData opens the data folder as openData does. On a node that
// follows a record (rec not nil) whose index was built by another mapping
// version, it first builds the index again from the record (record.Rebuild),
// answering on addr meanwhile that it is rebuilding. Without a record it is
// openData: a single server keeps refusing an index of another version,
// since nothing but the files it was read from could build it again.
func openNodeData(ctx context.Context, rec *record.Store, data, addr string, opts indexer.Options, stdout io.Writer) (*dataFolder, error) {
	d, err := openData(data, opts, rec == nil)
	if rec == nil || !errors.Is(err, index.ErrVersion) {
		return d, err
	}
	start := time.Now()
	if err := rebuildFromRecord(ctx, rec, data, addr, stdout); err != nil {
		return nil, fmt.Errorf("serve: rebuild the index from the statement store: %w", err)
	}
	fmt.Fprintf(stdout, "rebuilt the index from the statement store in %s\n", time.Since(start).Round(time.Millisecond))
	return openData(data, opts, rec == nil)
}

// rebuildFromRecord rebuilds the index while a stand-in server on addr
// answers /readyz with 503 and how far the rebuild is, so that a proxy
// keeps searches away and an operator sees progress rather than a refused
// connection for the minutes a large record takes. It closes the stand-in
// before it returns, so the real server can listen on addr.
func rebuildFromRecord(ctx context.Context, rec *record.Store, data, addr string, stdout io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "the index was built by another version of advosearch; rebuilding it from the statement store, /readyz on %s says how far\n", ln.Addr())
	var follower atomic.Pointer[record.Follower]
	status := func() string {
		if f := follower.Load(); f != nil {
			s, _ := f.Status().Ready()
			return s
		}
		return "rebuilding the index from the statement store"
	}
	hs := &http.Server{Handler: rebuildingHandler(status), ReadHeaderTimeout: 5 * time.Second}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	note, err := record.Rebuild(ctx, rec, indexPath(data), recordCursorPath(data), record.FollowerOptions{},
		func(f *record.Follower) { follower.Store(f) })
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if serr := hs.Shutdown(shutdown); err == nil && serr != nil {
		err = serr
	}
	<-served // http.ErrServerClosed once Shutdown returned
	if note != "" {
		fmt.Fprintln(stdout, note)
	}
	return err
}

// rebuildingHandler answers every request of a node that is rebuilding its
// index: /healthz 200, since the process is alive and working (a liveness
// check that restarted it would start the rebuild over), and everything
// else 503 with status as the JSON error /readyz gives, and Retry-After.
func rebuildingHandler(status func() string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		body := map[string]string{"status": "rebuilding"}
		code := http.StatusOK
		if r.URL.Path != "/healthz" {
			w.Header().Set("Retry-After", "30")
			body = map[string]string{"error": status()}
			code = http.StatusServiceUnavailable
		}
		w.WriteHeader(code)
		_ = json.NewEncoder(w).Encode(body) // a client gone away is no error of ours
	})
}
