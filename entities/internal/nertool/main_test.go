package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeCorpus writes ten one-sentence documents of sentence (a word and a
// label a line) to a corpus file in dir and returns its path.
func writeCorpus(t *testing.T, dir, sentence string) string {
	t.Helper()
	path := filepath.Join(dir, "corpus.conll")
	text := strings.Repeat("-DOCSTART- O\n\n"+sentence+"\n", 10)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRun_TrainThenEval trains on a tiny corpus, writes the model, reads
// it back with eval and checks that both report the held-out score.
func TestRun_TrainThenEval(t *testing.T) {
	dir := t.TempDir()
	path := writeCorpus(t, dir, "Maria B-PER\nLopez I-PER\nvisited O\nLima B-LOC\n. O\n")
	model := filepath.Join(dir, "model.gz")
	var out strings.Builder
	if err := run([]string{"train", "-gazetteer", "", "-epochs", "3", "-out", model, path}, &out); err != nil {
		t.Fatalf("train: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "9 training and 1 held-out sentences") || !strings.Contains(out.String(), "PER  ") {
		t.Errorf("train output lacks the split or the table:\n%s", out.String())
	}
	out.Reset()
	if err := run([]string{"eval", "-gazetteer", "", "-model", model, path}, &out); err != nil {
		t.Fatalf("eval: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "all held-out sentences: 1") {
		t.Errorf("eval output:\n%s", out.String())
	}
	if err := run([]string{"frobnicate", path}, &out); err == nil {
		t.Error("want an error for an unknown command")
	}
}

// TestRun_MentionsAndScale reads a corpus that labels every mention as
// names only, then rescales the model it trained.
func TestRun_MentionsAndScale(t *testing.T) {
	dir := t.TempDir()
	path := writeCorpus(t, dir, "We B-Organisation\nleft O\nthe B-Location\ncity I-Location\nfor O\nthe B-Location\nUnited I-Location\nStates I-Location\n. O\n")
	model := filepath.Join(dir, "model.gz")
	var out strings.Builder
	if err := run([]string{"train", "-gazetteer", "", "-epochs", "3", "-out", model, "-mentions", path}, &out); err != nil {
		t.Fatalf("train: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "9 training and 1 held-out sentences") {
		t.Errorf("train output lacks the mentions corpus:\n%s", out.String())
	}
	scaled := filepath.Join(dir, "scaled.gz")
	if err := run([]string{"scale", "-model", model, "-scale", "0.5", "-out", scaled}, &out); err != nil {
		t.Fatalf("scale: %v", err)
	}
	if _, err := os.Stat(scaled); err != nil {
		t.Errorf("scale wrote no model: %v", err)
	}
	if err := run([]string{"scale", "-model", model, "-scale", "0", "-out", scaled}, &out); err == nil {
		t.Error("want an error for -scale 0")
	}
}
