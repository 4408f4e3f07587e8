package bench

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

// Config is one system's part of a benchmark run. The parent process writes
// it as JSON for each child (advosearch bench run --child FILE, or the FTS5
// program in bench/fts5), so that every system reads the same corpus and
// runs the same queries.
type Config struct {
	System string `json:"system"`
	// Corpus is the JSONL file written by Generate.
	Corpus string `json:"corpus"`
	// Dir is a fresh folder for the system's index; the parent removes it.
	Dir     string  `json:"dir"`
	Queries []Query `json:"queries"`
	// ClassLimit bounds the time spent on one query class.
	ClassLimit time.Duration `json:"class_limit"`
	// HTTPLevels are the concurrencies of the HTTP load; none skips it.
	// Each level stops after HTTPRequests requests or HTTPDuration.
	HTTPLevels   []int         `json:"http_levels,omitempty"`
	HTTPRequests int           `json:"http_requests,omitempty"`
	HTTPDuration time.Duration `json:"http_duration,omitempty"`
	// ProfileDir, if set, receives a CPU profile of indexing and of each
	// query class: SYSTEM-index.pprof, SYSTEM-CLASS.pprof.
	ProfileDir string `json:"profile_dir,omitempty"`
	// Split also measures extraction and index writes apart (advosearch).
	Split bool `json:"split,omitempty"`
	// Reuse searches the index an earlier run kept in Dir instead of
	// indexing the corpus (advosearch): a million statements take an hour
	// to index, their searches minutes.
	Reuse bool `json:"reuse,omitempty"`
}

// ReadConfig reads a Config written as JSON.
func ReadConfig(path string) (Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("bench: read config: %w", err)
	}
	var c Config
	if err := json.Unmarshal(b, &c); err != nil {
		return Config{}, fmt.Errorf("bench: config %s: %w", path, err)
	}
	return c, nil
}

// QueriesOf returns the queries of one class, in order.
func (c Config) QueriesOf(class Class) []Query {
	var out []Query
	for _, q := range c.Queries {
		if q.Class == class {
			out = append(out, q)
		}
	}
	return out
}

// Mixed returns the queries round-robin across classes, so that a load run
// cut short by its time limit still covers every class.
func Mixed(qs []Query) []Query {
	byClass := map[Class][]Query{}
	for _, q := range qs {
		byClass[q.Class] = append(byClass[q.Class], q)
	}
	var out []Query
	for i := 0; len(out) < len(qs); i++ {
		for _, c := range Classes() {
			if i < len(byClass[c]) {
				out = append(out, byClass[c][i])
			}
		}
	}
	return out
}
