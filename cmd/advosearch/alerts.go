package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/query"
)

func alertsPath(data string) string { return filepath.Join(data, "alerts.db") }

func openAlerts(data string) (*alerts.Store, error) {
	return alerts.Open(alertsPath(data), alerts.Options{})
}

// webhookSecret is --webhook-secret, else ADVOSEARCH_WEBHOOK_SECRET, else a
// secret made once and kept in the data folder.
func webhookSecret(data, given string) (string, error) {
	if given != "" {
		return given, nil
	}
	return alerts.LoadOrCreateSecret(filepath.Join(data, "webhook.secret"))
}

// stringList is a repeatable flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ", ") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

const alertsUsage = "alerts: usage: advosearch alerts list|add|rm [--data DIR] ..."

func alertsCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New(alertsUsage)
	}
	fs := flag.NewFlagSet("alerts "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", defaultData, "data folder holding the index and the alerts")
	var a alerts.Alert
	var orgs, people, places, sources stringList
	var from string
	if args[0] == "add" {
		fs.StringVar(&a.Name, "name", "", "name of the saved search (required)")
		fs.StringVar(&a.Query, "q", "", "the query, in the search page's syntax")
		fs.Var(&orgs, "org", "organization filter (repeatable)")
		fs.Var(&people, "person", "person filter (repeatable)")
		fs.Var(&places, "place", "place filter (repeatable)")
		fs.Var(&sources, "source", "source filter (repeatable)")
		fs.StringVar(&from, "from", "", "only statements published on or after YYYY-MM-DD")
		fs.StringVar(&a.WebhookURL, "webhook", "", "URL that receives a signed POST for each batch of new matches")
	}
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	store, err := openAlerts(*data)
	if err != nil {
		return err
	}
	defer store.Close()

	switch args[0] {
	case "list":
		list, err := store.List(ctx)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "ID\tNAME\tQUERY\tWEBHOOK")
		for _, a := range list {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", a.ID, a.Name, a.Query, a.WebhookURL)
		}
		return w.Flush()
	case "add":
		if _, err := query.Parse(a.Query, query.Options{}); err != nil {
			return fmt.Errorf("alerts: --q: %w", err)
		}
		if from != "" {
			if a.From, err = time.Parse(time.DateOnly, from); err != nil {
				return fmt.Errorf("alerts: --from %q is not YYYY-MM-DD", from)
			}
		}
		a.Organizations, a.People, a.Places, a.Sources = orgs, people, places, sources
		created, err := store.Create(ctx, a)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "added alert %s %q\n", created.ID, created.Name)
		return store.Close()
	case "rm":
		if fs.NArg() == 0 {
			return errors.New("alerts: rm: name the alert IDs to remove")
		}
		for _, id := range fs.Args() {
			if err := store.Delete(ctx, id); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "removed alert %s\n", id)
		}
		return store.Close()
	}
	return errors.New(alertsUsage)
}
