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
	"time"

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
	if err := fs.Parse(args); err != nil {
		return err
	}
	var defaultOr bool
	switch *op {
	case "and":
	case "or":
		defaultOr = true
	default:
		return fmt.Errorf("serve: --default-operator %q: must be and or or", *op)
	}
	ix, err := openIndex(*data)
	if err != nil {
		return err
	}
	defer ix.Close()
	if err := indexSeedsIfEmpty(ctx, ix, stdout); err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	srv, err := web.New(search.New(ix), web.Options{Logger: logger, DefaultOr: defaultOr})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
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
	return ix.Close()
}
