package alerts_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/alerts"
)

// TestMatch_JSON checks the wire form of a match, which webhook bodies and
// GET /api/alerts/:id/matches carry: the statement's date as YYYY-MM-DD,
// like every other statement date of the API, left out when unknown; the
// time it matched as RFC 3339. Matches stored before, with an RFC 3339
// date, still read.
func TestMatch_JSON(t *testing.T) {
	matched := time.Date(2026, 3, 5, 9, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		m    alerts.Match
		want string
	}{
		{"dated", alerts.Match{Cursor: 3, StatementID: "s", Title: "T", Published: time.Date(2017, 8, 23, 0, 0, 0, 0, time.UTC), Matched: matched, Snippet: "… said …"},
			`{"cursor":3,"statement_id":"s","title":"T","snippet":"… said …","matched":"2026-03-05T09:30:00Z","deleted":false,"published":"2017-08-23"}`},
		{"undated", alerts.Match{Cursor: 1, StatementID: "u", Title: "U", Matched: matched},
			`{"cursor":1,"statement_id":"u","title":"U","matched":"2026-03-05T09:30:00Z","deleted":false}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.m)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tc.want {
				t.Errorf("JSON\n got %s\nwant %s", b, tc.want)
			}
			var back alerts.Match
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if !back.Published.Equal(tc.m.Published) || back.StatementID != tc.m.StatementID || !back.Matched.Equal(matched) || back.Snippet != tc.m.Snippet {
				t.Errorf("read back %+v, want %+v", back, tc.m)
			}
		})
	}

	var old alerts.Match
	if err := json.Unmarshal([]byte(`{"cursor":1,"statement_id":"o","title":"O","published":"2017-08-23T00:00:00Z","matched":"2026-03-05T09:30:00Z","deleted":false}`), &old); err != nil {
		t.Fatalf("a match stored with an RFC 3339 date: %v", err)
	}
	if want := time.Date(2017, 8, 23, 0, 0, 0, 0, time.UTC); !old.Published.Equal(want) {
		t.Errorf("old published %v, want %v", old.Published, want)
	}
	err := json.Unmarshal([]byte(`{"cursor":1,"statement_id":"b","published":"23/08/2017"}`), &old)
	if err == nil || !strings.Contains(err.Error(), "23/08/2017") {
		t.Errorf("a date in neither form: %v, want an error naming it", err)
	}
}
