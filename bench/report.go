package bench

import (
	"fmt"
	"io"
	"strings"
)

// Systems measured, in report order: advosearch first, then its peers.
const (
	SystemAdvosearch = "advosearch"
	SystemBleve      = "bleve"
	SystemFTS5       = "fts5"
)

// Result is what one system measured on one corpus. Child processes print it
// as JSON; zero means "not measured" throughout.
type Result struct {
	System     string `json:"system"`
	Statements int    `json:"statements"` // in the index
	// IndexSeconds is the whole indexing run: reading the JSONL, extraction
	// (advosearch only), writing and closing the index.
	IndexSeconds float64 `json:"index_seconds"`
	// IndexCPUSeconds is the CPU time (user and system, every thread) the
	// indexing run took: on a shared machine it says more about the code
	// than IndexSeconds does.
	IndexCPUSeconds float64 `json:"index_cpu_seconds,omitempty"`
	// ExtractSeconds and WriteSeconds split advosearch's indexing, measured
	// in a second run over the same corpus: extraction alone on every core,
	// then the index writes of the extracted statements.
	ExtractSeconds float64 `json:"extract_seconds,omitempty"`
	WriteSeconds   float64 `json:"write_seconds,omitempty"`
	IndexBytes     int64   `json:"index_bytes"`
	// PeakRSSIndexing is the process's VmHWM right after indexing.
	PeakRSSIndexing int64 `json:"peak_rss_indexing"`
	// OpenSeconds is from opening the closed index to the first search's
	// answer: the start-up a server pays.
	OpenSeconds float64 `json:"open_seconds"`
	// Classes are the in-process latencies per query class; a class the
	// system cannot express is missing.
	Classes map[Class]Latency `json:"classes"`
	// CrossCheck is the total hits of CrossCheckPhrase.
	CrossCheck uint64 `json:"cross_check"`
	// HTTP is the load over loopback HTTP at each concurrency, and InProcess
	// the same mix of searches at HTTPBaseline concurrency without HTTP.
	HTTP      []LoadResult `json:"http,omitempty"`
	InProcess *LoadResult  `json:"in_process,omitempty"`
	// RSSServing is the largest VmRSS sampled while serving HTTP.
	RSSServing int64    `json:"rss_serving,omitempty"`
	Notes      []string `json:"notes,omitempty"`
}

// HTTPBaseline is the concurrency at which HTTP throughput is compared with
// in-process throughput.
const HTTPBaseline = 16

// Report writes one Markdown table: a row per metric, a column per system,
// then advosearch's number divided by each peer's. Below 1 means advosearch
// is faster or smaller for times and sizes, slower for rates (marked ↑).
func Report(w io.Writer, title, machine string, results []Result) error {
	var ours *Result
	var peers []Result
	for i := range results {
		if results[i].System == SystemAdvosearch {
			ours = &results[i]
		} else {
			peers = append(peers, results[i])
		}
	}
	b := &strings.Builder{}
	fmt.Fprintf(b, "### %s\n\n%s\n\n", title, machine)
	head := []string{"metric"}
	for _, r := range results {
		head = append(head, r.System)
	}
	if ours != nil {
		for _, p := range peers {
			head = append(head, "advosearch ÷ "+p.System)
		}
	}
	row(b, head...)
	seps := make([]string, len(head))
	for i := range seps {
		seps[i] = "---"
	}
	row(b, seps...)

	// A metric is one or more numbers per system; ratios are taken number by
	// number.
	metric := func(name string, format string, get func(r Result) []float64) {
		cells := []string{name}
		for _, r := range results {
			cells = append(cells, join(get(r), format))
		}
		if ours != nil {
			for _, p := range peers {
				cells = append(cells, ratios(get(*ours), get(p)))
			}
		}
		row(b, cells...)
	}
	one := func(f func(r Result) float64) func(r Result) []float64 {
		return func(r Result) []float64 { return []float64{f(r)} }
	}
	metric("statements indexed", "%.0f", one(func(r Result) float64 { return float64(r.Statements) }))
	metric("indexing, statements/s (whole run) ↑", "%.0f", one(func(r Result) float64 { return rate(r.Statements, r.IndexSeconds) }))
	metric("indexing, statements per CPU-second ↑", "%.0f", one(func(r Result) float64 { return rate(r.Statements, r.IndexCPUSeconds) }))
	metric("extraction alone, statements/s ↑", "%.0f", one(func(r Result) float64 { return rate(r.Statements, r.ExtractSeconds) }))
	metric("index writes alone, statements/s ↑", "%.0f", one(func(r Result) float64 {
		if r.WriteSeconds == 0 && r.ExtractSeconds == 0 {
			return rate(r.Statements, r.IndexSeconds) // a peer without extraction
		}
		return rate(r.Statements, r.WriteSeconds)
	}))
	metric("index size, MB", "%.0f", one(func(r Result) float64 { return mb(r.IndexBytes) }))
	metric("peak RSS indexing, MB", "%.0f", one(func(r Result) float64 { return mb(r.PeakRSSIndexing) }))
	metric("open → first answer, ms", "%.0f", one(func(r Result) float64 { return r.OpenSeconds * 1000 }))
	for _, c := range Classes() {
		metric(string(c)+" p50 / p95 / p99, ms", "%.1f", func(r Result) []float64 {
			l, ok := r.Classes[c]
			if !ok || l.N == 0 {
				return nil
			}
			return []float64{l.P50, l.P95, l.P99}
		})
	}
	metric(fmt.Sprintf("hits of %q (cross-check)", strings.Join(CrossCheckPhrase, " ")), "%.0f",
		one(func(r Result) float64 { return float64(r.CrossCheck) }))
	for i, l := range httpLevels(results) {
		metric(fmt.Sprintf("HTTP c=%d: req/s ↑, p50 / p99 / max ms, shed, errors", l), "%.1f", func(r Result) []float64 {
			if i >= len(r.HTTP) {
				return nil
			}
			h := r.HTTP[i]
			return []float64{h.PerSecond, h.P50, h.P99, h.Max, float64(h.Shed), float64(h.Errors)}
		})
	}
	metric(fmt.Sprintf("in-process c=%d: searches/s ↑, p50 / p99 ms, shed", HTTPBaseline), "%.1f", func(r Result) []float64 {
		if r.InProcess == nil {
			return nil
		}
		return []float64{r.InProcess.PerSecond, r.InProcess.P50, r.InProcess.P99, float64(r.InProcess.Shed)}
	})
	metric(fmt.Sprintf("HTTP ÷ in-process throughput at c=%d ↑", HTTPBaseline), "%.2f", one(func(r Result) float64 {
		for _, h := range r.HTTP {
			if h.Concurrency == HTTPBaseline && r.InProcess != nil && r.InProcess.PerSecond > 0 {
				return h.PerSecond / r.InProcess.PerSecond
			}
		}
		return 0
	}))
	metric("RSS while serving, MB", "%.0f", one(func(r Result) float64 { return mb(r.RSSServing) }))
	for _, r := range results {
		for _, n := range r.Notes {
			fmt.Fprintf(b, "\n- %s: %s", r.System, n)
		}
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func httpLevels(results []Result) []int {
	for _, r := range results {
		if len(r.HTTP) > 0 {
			levels := make([]int, len(r.HTTP))
			for i, h := range r.HTTP {
				levels[i] = h.Concurrency
			}
			return levels
		}
	}
	return nil
}

func row(b *strings.Builder, cells ...string) {
	b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
}

// join formats the numbers of a cell; a zero or missing value is "–" (not
// measured), except when a cell has several numbers, where 0 is a value
// (no errors).
func join(v []float64, format string) string {
	if len(v) == 0 || (len(v) == 1 && v[0] == 0) {
		return "–"
	}
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = fmt.Sprintf(format, x)
	}
	return strings.Join(parts, " / ")
}

func ratios(ours, peer []float64) string {
	if len(ours) == 0 || len(ours) != len(peer) {
		return "–"
	}
	parts := make([]string, len(ours))
	for i := range ours {
		if ours[i] == 0 || peer[i] == 0 {
			parts[i] = "–"
			continue
		}
		parts[i] = fmt.Sprintf("%.2f×", ours[i]/peer[i])
	}
	return strings.Join(parts, " / ")
}

func rate(n int, seconds float64) float64 {
	if seconds <= 0 {
		return 0
	}
	return float64(n) / seconds
}

func mb(b int64) float64 { return float64(b) / 1e6 }
