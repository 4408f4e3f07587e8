package bench_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/advosearch/advosearch/bench"
)

func generate(t *testing.T, n int, seed int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := bench.Generate(&buf, n, seed); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// decode parses every line strictly: unknown fields are an error.
func decode(t *testing.T, out []byte) []bench.Statement {
	t.Helper()
	var stmts []bench.Statement
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var s bench.Statement
		if err := dec.Decode(&s); err != nil {
			t.Fatalf("line %d: %v: %s", line, err, sc.Bytes())
		}
		stmts = append(stmts, s)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return stmts
}

func TestGenerate_SameSeedSameBytes(t *testing.T) {
	a, b := generate(t, 50, 42), generate(t, 50, 42)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with seed 42 differ")
	}
	if len(a) == 0 {
		t.Fatal("no output")
	}
}

func TestGenerate_DifferentSeedsDiffer(t *testing.T) {
	for _, seeds := range [][2]int64{{1, 2}, {0, -1}, {42, 43}} {
		if bytes.Equal(generate(t, 5, seeds[0]), generate(t, 5, seeds[1])) {
			t.Errorf("seeds %d and %d give the same output", seeds[0], seeds[1])
		}
	}
}

func TestGenerate_Count(t *testing.T) {
	for _, n := range []int{0, 1, 7} {
		if got := len(decode(t, generate(t, n, 1))); got != n {
			t.Errorf("n=%d: got %d records, want %d", n, got, n)
		}
	}
	var buf bytes.Buffer
	if err := bench.Generate(&buf, -1, 1); !errors.Is(err, bench.ErrNegativeCount) {
		t.Errorf("n=-1: got error %v, want ErrNegativeCount", err)
	}
}

func TestGenerate_Records(t *testing.T) {
	const n = 200
	stmts := decode(t, generate(t, n, 7))
	if len(stmts) != n {
		t.Fatalf("got %d records, want %d", len(stmts), n)
	}
	urls := map[string]bool{}
	undated, total := 0, 0
	minDate, maxDate := "9999", "0000"
	for i, s := range stmts {
		if strings.TrimSpace(s.Title) == "" || strings.TrimSpace(s.Body) == "" || s.Source == "" {
			t.Errorf("record %d: empty title, body or source: %+v", i, s)
		}
		if urls[s.URL] || !strings.HasPrefix(s.URL, "https://example.org/statements/") {
			t.Errorf("record %d: url %q is a duplicate or not under example.org/statements", i, s.URL)
		}
		urls[s.URL] = true
		total += len(s.Body)
		if s.Published == "" {
			undated++
			continue
		}
		if _, err := time.Parse(time.DateOnly, s.Published); err != nil {
			t.Errorf("record %d: published %q: %v", i, s.Published, err)
		}
		minDate, maxDate = min(minDate, s.Published), max(maxDate, s.Published)
	}
	if mean := total / n; mean < 3000 || mean > 5000 {
		t.Errorf("mean body length %d, want 3,000–5,000", mean)
	}
	// 5% of 200 is 10; allow for chance.
	if undated < 3 || undated > 20 {
		t.Errorf("%d of %d records undated, want about 5%%", undated, n)
	}
	if minDate < "2010-01-01" || maxDate > "2026-12-31" || minDate > "2012-12-31" || maxDate < "2024-01-01" {
		t.Errorf("published dates span %s..%s, want spread over 2010–2026", minDate, maxDate)
	}
}

func TestGenerate_Text(t *testing.T) {
	out := generate(t, 100, 3)
	body := string(out)
	for _, want := range []string{
		"Amnesty International", "Human Rights Watch", "Cambodian Center for Human Rights (CCHR)",
		"FORUM-ASIA", "LICADHO", "ADHOC", "UN Human Rights Council",
		"Hun Sen", "Kem Sokha", "Tep Vanny", "Cambodia", "Phnom Penh", "Geneva", "Bangkok",
		"“", "”", "‘", "’", `\n\n`, // paragraphs: JSON-escaped newlines
	} {
		if !strings.Contains(body, want) {
			t.Errorf("output never contains %q", want)
		}
	}
	// Dates in the text are written several ways.
	for _, layout := range []string{`\d{1,2} [A-Z][a-z]+ \d{4}`, `[A-Z][a-z]+ \d{1,2}, \d{4}`, `\d{2}/\d{2}/\d{4}`} {
		if !matches(body, layout) {
			t.Errorf("no date like %s in the text", layout)
		}
	}
	for _, s := range decode(t, out) {
		if strings.Contains(s.Body, "{") || strings.Contains(s.Title, "{") {
			t.Fatalf("unexpanded template slot in %q", s.URL)
		}
	}
}

func TestGenerate_ZipfVocabulary(t *testing.T) {
	counts := map[string]int{}
	for _, s := range decode(t, generate(t, 200, 11)) {
		for _, w := range strings.FieldsFunc(strings.ToLower(s.Body), func(r rune) bool { return !unicode.IsLetter(r) }) {
			counts[w]++
		}
	}
	freq := make([]int, 0, len(counts))
	for _, c := range counts {
		freq = append(freq, c)
	}
	slices.Sort(freq)
	top, median := freq[len(freq)-1], freq[len(freq)/2]
	if top < 20*median {
		t.Errorf("top word count %d, median %d: want a skewed (Zipf) distribution, top ≥ 20×median", top, median)
	}
	// Skew inside a vocabulary list, not just from function words:
	// the first noun must be far more common than the last.
	if counts["rights"] < 10*max(counts["strike"], 1) {
		t.Errorf("count(rights)=%d, count(strike)=%d: want ≥ 10×", counts["rights"], counts["strike"])
	}
}

func matches(s, pattern string) bool { return regexp.MustCompile(pattern).MatchString(s) }

func BenchmarkGenerate(b *testing.B) {
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := bench.Generate(&buf, 100, 1); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
