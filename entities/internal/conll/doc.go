// Package conll reads annotated corpora in CoNLL-style column files for
// training and evaluating the entities tagger, matches a gazetteer against
// their words, and scores a tagger's output. It is internal: only the
// training tool and tests use it.
package conll
