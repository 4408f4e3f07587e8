package entities

import (
	"strings"
	"unicode/utf8"
)

// This file reads the people a quotation's tag names: the subject of the
// speech verb right after a closing quotation mark. News copy puts the
// name before the verb there, often with a role around it, and nothing
// else introduces it: “…,” Maria Lopes said; “…,” a nurse at the clinic,
// Ana Ruiz, said; “…,” Pastor Samuel, of the northern district, said. It is
// a general pattern of reported speech, not a list of anyone's names.

// tagVerbs are the speech verbs a quotation's tag closes with, in the past
// and present tense.
var tagVerbs = wordSet(`said says added adds told tells explained explains continued recalled
	warned insisted noted stated wrote asked`)

// maxTagRoleWords bounds the role written between a closing quotation mark
// and the name it introduces ("one of the singers, …").
const maxTagRoleWords = 8

// maxTagAppositiveWords bounds the appositive between the name and the verb
// (", of the United Christian Forum, said").
const maxTagAppositiveWords = 16

// findQuoteTagSubjects reads a name between a closing quotation mark and a
// speech verb as a person's: two capitalised words or more, or one after a
// title or set off by commas after a role in small letters (“…,” one of the
// singers, Sunita, said). A name the gazetteer or another rule read (an
// organization's, “…,” Amnesty International said) is left as it is, and a
// single word with nothing around it (“…,” Kefaya said) may be an
// organization, so it is left too.
func (s *entityScan) findQuoteTagSubjects() {
	for i := range s.toks {
		if s.at[i] >= 0 || s.inTitleCase(i) || !startsUpper(s.toks[i].key) {
			continue
		}
		afterRole, ok := s.afterQuoteClose(i)
		if !ok {
			continue
		}
		start, titled := i, false
		if IsTitle(s.toks[i].key) || introduces(s.toks[i].lower) {
			if i+1 >= len(s.toks) || !s.adjacent(i) {
				continue
			}
			start, titled = i+1, true
		}
		initials := s.initialsAt(start)
		n := s.nameRun(start + initials)
		if n == 0 || (n+initials == 1 && !titled && !afterRole) {
			continue
		}
		if n+initials == 1 && isHonorific(s.toks[i].key) {
			// "Ms D’Souza said": a surname after an honorific stands for
			// a full name, which resolveShortNames finds.
			continue
		}
		end := start + initials + n - 1
		if !s.speechVerbAfter(end) {
			continue
		}
		name := withoutPossessive(collapseSpace(s.text[s.toks[start].start:s.toks[end].end]))
		s.add(mention{name: name, kind: kindPerson, start: s.toks[start].start, end: s.toks[end].end}, start, end+1)
	}
}

// afterQuoteClose reports whether token i stands right after a closing
// quotation mark that ends a quoted sentence or clause (,” .” ?” !”), or
// after a role in small letters and a comma that follow one (“…,” a
// volunteer at the event, NAME). role says which.
func (s *entityScan) afterQuoteClose(i int) (role, ok bool) {
	if i == 0 {
		return false, false
	}
	gap := strings.TrimSpace(s.text[s.toks[i-1].end:s.toks[i].start])
	if closesQuotedClause(gap) {
		return false, true
	}
	if gap != "," {
		return false, false
	}
	for j := i - 1; j >= 0 && i-j <= maxTagRoleWords; j-- {
		// A role is written in small letters; a capital before the
		// comma is a name or a sentence of its own.
		if startsUpper(s.toks[j].key) || j == 0 {
			return false, false
		}
		before := strings.TrimSpace(s.text[s.toks[j-1].end:s.toks[j].start])
		if closesQuotedClause(before) {
			return true, true
		}
		if before != "" && before != "-" {
			return false, false
		}
	}
	return false, false
}

// closesQuotedClause reports whether gap, the punctuation between two
// words, is a quotation's end: a comma, full stop, question or
// exclamation mark and a closing mark (”, ", ’, »).
func closesQuotedClause(gap string) bool {
	last, n := utf8.DecodeLastRuneInString(gap)
	if n == 0 || !strings.ContainsRune("”\"’»", last) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(gap[:len(gap)-n]))
	return strings.ContainsRune(",.?!", prev)
}

// speechVerbAfter reports whether a speech verb follows the name ending at
// token end: right after it ("NAME said"), or after an appositive set off
// by commas ("NAME, of the Forum, said").
func (s *entityScan) speechVerbAfter(end int) bool {
	j := end + 1
	if j >= len(s.toks) {
		return false
	}
	gap := strings.TrimSpace(s.text[s.toks[end].end:s.toks[j].start])
	if gap == "" {
		return tagVerbs[s.toks[j].lower]
	}
	if gap != "," {
		return false
	}
	if tagVerbs[s.toks[j].lower] {
		// "one of the singers, NAME, said": the comma closes the role's
		// appositive.
		return true
	}
	for k := j + 1; k < len(s.toks) && k <= j+maxTagAppositiveWords; k++ {
		between := strings.TrimSpace(s.text[s.toks[k-1].end:s.toks[k].start])
		if strings.ContainsAny(between, ".;:!?\"“”") || strings.Contains(between, "\n\n") {
			return false
		}
		if between == "," {
			return tagVerbs[s.toks[k].lower]
		}
	}
	return false
}

// initialsAt counts the initials written apart that open a name at token i
// ("A. C. Michael"): single capitals, each followed by a full stop.
// nameRun leaves them out, as "A" opens sentences too.
func (s *entityScan) initialsAt(i int) int {
	n := 0
	for j := i; j+1 < len(s.toks) && n < 3; j++ {
		k := s.toks[j].key
		if utf8.RuneCountInString(k) != 1 || !startsUpper(k) || strings.TrimSpace(s.text[s.toks[j].end:s.toks[j+1].start]) != "." {
			break
		}
		n++
	}
	return n
}
