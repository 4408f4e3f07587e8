package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// Alert is a saved search as the server's API gives it.
type Alert struct {
	ID     string   `json:"id"`
	Name   string   `json:"name"`
	Q      string   `json:"q"`
	Org    []string `json:"org"`
	Person []string `json:"person"`
	Place  []string `json:"place"`
	Source []string `json:"source"`
	// From is YYYY-MM-DD, or "" when the alert has no start date.
	From       string    `json:"from"`
	WebhookURL string    `json:"webhook_url"`
	Created    time.Time `json:"created"`
	// MatchCount is how many statements have matched the alert so far.
	MatchCount int `json:"match_count"`
	// FeedURL is the alert's Atom feed with its key: what goes into a feed
	// reader. MatchesURL is where programs poll.
	FeedURL    string `json:"feed_url"`
	MatchesURL string `json:"matches_url"`
	// WebhookSecret signs the alert's webhook deliveries. Only AddAlert and
	// RotateSecret return it: the server shows it once.
	WebhookSecret string `json:"webhook_secret,omitempty"`
}

// alertBody is what POST /api/alerts takes.
type alertBody struct {
	Name       string   `json:"name"`
	Q          string   `json:"q"`
	Org        []string `json:"org,omitempty"`
	Person     []string `json:"person,omitempty"`
	Place      []string `json:"place,omitempty"`
	Source     []string `json:"source,omitempty"`
	From       string   `json:"from,omitempty"`
	WebhookURL string   `json:"webhook_url,omitempty"`
}

// Alerts returns the server's saved searches, oldest first.
func (c *Client) Alerts(ctx context.Context) ([]Alert, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/api/alerts", nil)
	if err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	body, err := c.do(req, "")
	if err != nil {
		return nil, err
	}
	var list struct {
		Alerts []Alert `json:"alerts"`
	}
	if err := json.Unmarshal(body, &list); err != nil {
		return nil, fmt.Errorf("client: reading the answer: %w", err)
	}
	return list.Alerts, nil
}

// AddAlert saves a search on the server: the name, query, filters, from
// and webhook URL of a are sent; the server answers with the whole alert,
// its ID and feed URL included. A query the server cannot parse is an error
// carrying the server's message.
func (c *Client) AddAlert(ctx context.Context, a Alert) (Alert, error) {
	b, err := json.Marshal(alertBody{Name: a.Name, Q: a.Q, Org: a.Org, Person: a.Person, Place: a.Place,
		Source: a.Source, From: a.From, WebhookURL: a.WebhookURL})
	if err != nil {
		return Alert{}, fmt.Errorf("client: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/api/alerts", bytes.NewReader(b))
	if err != nil {
		return Alert{}, fmt.Errorf("client: %w", err)
	}
	body, err := c.do(req, "application/json")
	if err != nil {
		return Alert{}, err
	}
	var created Alert
	if err := json.Unmarshal(body, &created); err != nil {
		return Alert{}, fmt.Errorf("client: reading the answer: %w", err)
	}
	return created, nil
}

// RotateSecret gives the alert a new webhook secret and returns the alert
// with it. Deliveries the server has already queued stay signed with the old
// secret. An unknown ID is an error carrying the server's 404.
func (c *Client) RotateSecret(ctx context.Context, id string) (Alert, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/api/alerts/"+url.PathEscape(id)+"/secret", nil)
	if err != nil {
		return Alert{}, fmt.Errorf("client: %w", err)
	}
	body, err := c.do(req, "")
	if err != nil {
		return Alert{}, err
	}
	var a Alert
	if err := json.Unmarshal(body, &a); err != nil {
		return Alert{}, fmt.Errorf("client: reading the answer: %w", err)
	}
	return a, nil
}

// RemoveAlert deletes a saved search and its matches on the server. An
// unknown ID is an error carrying the server's 404.
func (c *Client) RemoveAlert(ctx context.Context, id string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, c.base+"/api/alerts/"+url.PathEscape(id), nil)
	if err != nil {
		return fmt.Errorf("client: %w", err)
	}
	_, err = c.do(req, "")
	return err
}
