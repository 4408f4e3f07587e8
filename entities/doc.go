// Package entities finds the names of people, organizations and places in
// plain text with a statistical sequence tagger, so that names no list
// knows ("Sunai Phasuk", "Tribunal Supremo Electoral") are still found.
//
// A Model is an averaged structured perceptron over BIO tags (B-PER, I-ORG,
// …) with first-order Viterbi decoding. Its features are the word, its
// shape, prefixes and suffixes, the words and shapes two either side, the
// position in the sentence, and the names the caller already knows (Known
// spans, such as gazetteer matches), so a gazetteer guides the tagger
// without being part of it. The model trained on the corpora named in the
// README is embedded, gzip-compressed; LoadDefault reads it. A Model is a
// value: it is read-only once loaded and safe for concurrent use.
//
// The package does not canonicalise names, link a surname to a full name,
// or read site chrome apart from the main text: package indexer does that
// and calls Tag on the main text only. Training and evaluation live in
// internal/nertool, which reads annotated corpora from a path it is given
// and fetches nothing.
package entities
