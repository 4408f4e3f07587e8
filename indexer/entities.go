package indexer

import "github.com/advosearch/advosearch/entities"

// Names are recognised by package entities (Recognizer.Find); indexer
// compares them with the gold sets by these keys.

// orgKey is how organization names are compared: case, spacing and
// typographic apostrophes and hyphens do not matter.
func orgKey(name string) string { return entities.OrgKey(name) }

// foldPunctuation folds typographic apostrophes and hyphens to ASCII.
func foldPunctuation(s string) string { return entities.FoldPunctuation(s) }
