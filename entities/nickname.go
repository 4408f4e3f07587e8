package entities

import "strings"

// This file reads people's names written with a nickname in quotation marks
// between the given name and the surname: Juan “Johnny” Dayang, Joseph
// "Erap" Estrada. The quoted capitals inside a run of capitalised words
// are evidence of a person's name, which no title or verb need introduce: a
// general pattern of names, not a list of anyone's.

// maxNicknameWords bounds the nickname between the quotation marks.
const maxNicknameWords = 4

// findNicknamed reads given names, a quoted nickname and a surname as one
// person's name, written as the text writes it.
func (s *entityScan) findNicknamed() {
	for i := 0; i+2 < len(s.toks); i++ {
		if s.at[i] >= 0 || !s.isNameTok(i) || !opensNickname(s.text[s.toks[i].end:s.toks[i+1].start]) {
			continue
		}
		// The nickname: capitalised words up to the closing mark.
		k := i + 1
		closed := false
		for ; k < len(s.toks) && k-i <= maxNicknameWords; k++ {
			if !startsUpper(s.toks[k].key) || s.toks[k].possessive {
				break
			}
			gap := s.text[s.toks[k].end:min(len(s.text), s.toks[k].end+8)]
			if closesNickname(gap) {
				closed = true
				break
			}
			if k+1 >= len(s.toks) || !s.adjacent(k) {
				break
			}
		}
		if !closed || k+1 >= len(s.toks) || strings.TrimSpace(s.text[s.toks[k].end:s.toks[k+1].start]) != closingMark(s.text[s.toks[k].end:]) {
			continue
		}
		surname := s.nameRun(k + 1)
		if surname == 0 {
			continue
		}
		// Only the one given name before the nickname is read: a
		// capitalised word before it may open the sentence ("Broadcaster
		// Renato “Ray” Solis").
		first := i
		end := k + surname
		name := withoutPossessive(collapseSpace(s.text[s.toks[first].start:s.toks[end].end]))
		s.add(mention{name: name, kind: kindPerson, start: s.toks[first].start, end: s.toks[end].end}, first, end+1)
		i = end
	}
}

// opensNickname reports whether gap, between a given name and the next
// word, is a space and an opening quotation mark.
func opensNickname(gap string) bool {
	switch strings.TrimLeft(gap, " ") {
	case "“", "\"", "‘":
		return strings.HasPrefix(gap, " ")
	}
	return false
}

// closesNickname reports whether the text after a nickname's last word
// starts with a closing mark and a space.
func closesNickname(after string) bool {
	m := closingMark(after)
	return m != "" && strings.HasPrefix(after[len(m):], " ")
}

// closingMark returns the closing quotation mark after starts with, or "".
func closingMark(after string) string {
	for _, m := range []string{"”", "\"", "’"} {
		if strings.HasPrefix(after, m) {
			return m
		}
	}
	return ""
}
