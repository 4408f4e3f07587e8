package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/client"
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

const alertsUsage = `usage: advosearch alerts list|add|rm|secret [--data DIR | --server URL --token T] ...

  list                                  the saved searches: query, filters, matches so far,
                                        and the feed URL to paste into a feed reader
  add --name N --q QUERY [--org O]... [--person P]... [--place P]... [--source S]...
      [--from YYYY-MM-DD] [--webhook URL]
                                        save a search; new statements that match it are recorded.
                                        With --webhook it prints the alert's webhook secret, once
  rm ID...                              remove saved searches and their matches
  secret ID                             give the alert a new webhook secret and print it, once;
                                        deliveries already queued keep the old one

While a server runs it holds the alerts: pass --server URL --token T (the
server's --token; default $ADVOSEARCH_TOKEN) to go through it.
`

func alertsCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	// The subcommand is checked before any flag is read or file opened:
	// asking for help must not create a data folder.
	if len(args) == 0 {
		fmt.Fprint(stderr, alertsUsage)
		return errors.New("alerts: name a command: list, add, rm or secret")
	}
	switch args[0] {
	case "list", "add", "rm", "secret":
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, alertsUsage)
		return flag.ErrHelp
	default:
		fmt.Fprint(stderr, alertsUsage)
		return fmt.Errorf("alerts: unknown command %q: list, add, rm or secret", args[0])
	}
	if len(args) > 1 && args[1] == "help" {
		args = []string{args[0], "-h"}
	}
	fs := flag.NewFlagSet("alerts "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", defaultData, "data folder holding the index and the alerts")
	server := fs.String("server", "", "go through the advosearch server at this URL, which holds the alerts while it runs")
	token := fs.String("token", os.Getenv("ADVOSEARCH_TOKEN"), "the server's token, with --server")
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
	switch {
	case args[0] == "rm" && fs.NArg() == 0:
		return errors.New("alerts: rm: name the alert IDs to remove")
	case args[0] == "secret" && fs.NArg() != 1:
		return errors.New("alerts: secret: name one alert ID")
	case args[0] != "rm" && args[0] != "secret" && fs.NArg() > 0:
		return fmt.Errorf("alerts: %s: unexpected argument %q (flags go before it)", args[0], fs.Arg(0))
	}
	a.Organizations, a.People, a.Places, a.Sources = orgs, people, places, sources
	if from != "" {
		var err error
		if a.From, err = time.Parse(time.DateOnly, from); err != nil {
			return fmt.Errorf("alerts: --from %q is not YYYY-MM-DD", from)
		}
	}
	if *server != "" {
		return serverAlerts(ctx, client.New(*server, *token), args[0], a, fs.Args(), stdout)
	}
	return localAlerts(ctx, *data, args[0], a, fs.Args(), stdout)
}

// localAlerts runs an alerts command on the data folder itself.
func localAlerts(ctx context.Context, data, command string, a alerts.Alert, ids []string, stdout io.Writer) error {
	if command != "add" {
		// Listing or removing needs alerts to exist: opening the store
		// would create an empty one, and a data folder with it.
		if _, err := os.Stat(alertsPath(data)); errors.Is(err, fs.ErrNotExist) {
			if _, err := os.Stat(data); errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("alerts: %s: no data folder %s: pass --data with the folder advosearch serve and index use, or --server URL --token T", command, data)
			}
			if command == "list" {
				fmt.Fprintf(stdout, "no saved alerts in %s\n", data)
				return nil
			}
			return fmt.Errorf("alerts: %s: no alert %s in %s: it holds no alerts", command, ids[0], data)
		}
	}
	store, err := openAlerts(data)
	if err != nil {
		return err
	}
	defer store.Close()
	switch command {
	case "list":
		list, err := store.List(ctx)
		if err != nil {
			return err
		}
		rows := make([]alertRow, len(list))
		for i, a := range list {
			n, err := store.MatchCount(ctx, a.ID)
			if err != nil {
				return err
			}
			rows[i] = alertRow{ID: a.ID, Name: a.Name, Query: a.Query, Matches: n, Webhook: a.WebhookURL,
				Filters: filters(a.Organizations, a.People, a.Places, a.Sources, day(a.From))}
		}
		if err := printAlerts(stdout, rows); err != nil {
			return err
		}
		if len(rows) > 0 {
			// The feed's key is made from the server's token, and only a
			// running server serves the feed.
			fmt.Fprintln(stdout, "feed URLs come from the server that serves them: advosearch alerts list --server URL --token T")
		}
		return nil
	case "add":
		if _, err := query.Parse(a.Query, query.Options{}); err != nil {
			return fmt.Errorf("alerts: --q: %w", err)
		}
		created, err := store.Create(ctx, a)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "added alert %s %q\n", created.ID, created.Name)
		printSecret(stdout, created.WebhookURL, created.WebhookSecret)
		return store.Close()
	case "secret":
		rotated, err := store.RotateSecret(ctx, ids[0])
		if err != nil {
			return err
		}
		printSecret(stdout, "", rotated.WebhookSecret)
		return store.Close()
	}
	for _, id := range ids {
		if err := store.Delete(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "removed alert %s\n", id)
	}
	return store.Close()
}

// printSecret prints an alert's webhook secret, which is shown only this
// once. After add it is printed only for an alert with a webhook (webhook
// not ""), the only one that signs anything; rotation always prints it
// (webhook "").
func printSecret(stdout io.Writer, webhook, secret string) {
	if secret == "" {
		return
	}
	if webhook != "" {
		fmt.Fprintf(stdout, "webhook secret (shown once; the receiver at %s verifies with it): %s\n", webhook, secret)
		return
	}
	fmt.Fprintf(stdout, "new webhook secret (shown once; deliveries already queued keep the old one): %s\n", secret)
}

// serverAlerts runs an alerts command through a running server's API.
func serverAlerts(ctx context.Context, c *client.Client, command string, a alerts.Alert, ids []string, stdout io.Writer) error {
	switch command {
	case "list":
		list, err := c.Alerts(ctx)
		if err != nil {
			return err
		}
		rows := make([]alertRow, len(list))
		for i, a := range list {
			rows[i] = alertRow{ID: a.ID, Name: a.Name, Query: a.Q, Matches: a.MatchCount, Webhook: a.WebhookURL,
				Filters: filters(a.Org, a.Person, a.Place, a.Source, a.From), Feed: a.FeedURL}
		}
		if len(rows) == 0 {
			fmt.Fprintln(stdout, "no saved alerts on the server")
			return nil
		}
		return printAlerts(stdout, rows)
	case "add":
		created, err := c.AddAlert(ctx, client.Alert{Name: a.Name, Q: a.Query, Org: a.Organizations, Person: a.People,
			Place: a.Places, Source: a.Sources, From: day(a.From), WebhookURL: a.WebhookURL})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "added alert %s %q; its feed: %s\n", created.ID, created.Name, created.FeedURL)
		printSecret(stdout, created.WebhookURL, created.WebhookSecret)
		return nil
	case "secret":
		rotated, err := c.RotateSecret(ctx, ids[0])
		if err != nil {
			return err
		}
		printSecret(stdout, "", rotated.WebhookSecret)
		return nil
	}
	for _, id := range ids {
		if err := c.RemoveAlert(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "removed alert %s\n", id)
	}
	return nil
}

// alertRow is one line of the alerts table.
type alertRow struct {
	ID, Name, Query, Filters string
	Matches                  int
	Webhook, Feed            string
}

// printAlerts writes the alerts table. The feed URL comes last, whole, so
// that it can be copied into a feed reader however wide it is.
func printAlerts(w io.Writer, rows []alertRow) error {
	if len(rows) == 0 {
		_, err := fmt.Fprintln(w, "no saved alerts")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tQUERY\tFILTERS\tMATCHES\tWEBHOOK\tFEED")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", r.ID, r.Name, orDash(r.Query), orDash(r.Filters),
			r.Matches, orDash(r.Webhook), orDash(r.Feed))
	}
	return tw.Flush()
}

// filters writes an alert's filters as the search box would take them:
// org:CCHR person:"Hun Sen" published:>=2024-01-01.
func filters(orgs, people, places, sources []string, from string) string {
	var parts []string
	for _, f := range []struct {
		field  string
		values []string
	}{{"org", orgs}, {"person", people}, {"place", places}, {"source", sources}} {
		for _, v := range f.values {
			if strings.ContainsAny(v, " \t\"") {
				v = strconv.Quote(v)
			}
			parts = append(parts, f.field+":"+v)
		}
	}
	if from != "" {
		parts = append(parts, "published:>="+from)
	}
	return strings.Join(parts, " ")
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
