package indexer_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
)

// The files of testdata/office were written by pandoc and LibreOffice from
// the sources in testdata/office/src (make.sh there remakes them); the
// expectations here are written from the sources' text.

const officeDir = "testdata/office"

// extractPath extracts the file at path as the indexer reads it.
func extractPath(t testing.TB, ex *indexer.Extractor, path string) (index.Statement, error) {
	t.Helper()
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ctype, ok := corpus.TypeOfName(path)
	if !ok {
		t.Fatalf("%s: not a type advosearch reads", path)
	}
	st, _, err := ex.Extract(corpus.Document{ID: filepath.Base(path), Name: path, ContentType: ctype, Body: body})
	return st, err
}

// TestExtract_officeStatement reads one statement as pandoc and LibreOffice
// write it, in both formats: the Title-styled headline under a letterhead,
// the date line, curly quotes, a table, a footnote and hard line breaks.
func TestExtract_officeStatement(t *testing.T) {
	ex := newExtractor(t)
	const title = "Cambodia: Release the detained land rights defenders of Koh Kong now"
	published := time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC)
	inBody := []string{
		// Curly quotes and apostrophes as typed.
		"“Defending one’s land is not a crime. The authorities must stop treating the families of Koh Kong as enemies,” said Mary Aileen Diez-Bacalso",
		// A table row is a paragraph, its cells apart.
		"\n\nName Detained Charge\n\nSok Vanna 4 March 2024 Incitement (Article 495)\n\nChan Dara 4 March 2024 Incitement (Article 495)\n\n",
		// Line breaks inside a paragraph.
		"Media contact: FORUM-ASIA, Bangkok Telephone: +66 2 108 2643 Email: media@forum-asia.org",
		// The footnote, after the text.
		"\n\nArticle 495 of the Criminal Code punishes incitement to commit a felony or to disturb social security.",
		// The footnote mark is not glued to the sentence.
		"brought against them.\n\n",
	}
	for _, name := range []string{"statement.docx", "statement_lo.docx", "statement.odt", "statement_pandoc.odt"} {
		t.Run(name, func(t *testing.T) {
			st, err := extractPath(t, ex, filepath.Join(officeDir, name))
			if err != nil {
				t.Fatal(err)
			}
			if st.Title != title {
				t.Errorf("title = %q, want %q (the Title style, not the letterhead above it)", st.Title, title)
			}
			if st.Source != "FORUM-ASIA" {
				t.Errorf("source = %q, want FORUM-ASIA", st.Source)
			}
			if !st.Published.Equal(published) {
				t.Errorf("published = %v, want %v (the date line, not the file's dates)", st.Published, published)
			}
			for _, want := range inBody {
				if !strings.Contains(st.Body, want) {
					t.Errorf("body lacks %q:\n%s", want, st.Body)
				}
			}
			if strings.HasPrefix(st.Body, "Asian Forum") || strings.Contains(st.Body, title) {
				t.Errorf("the body starts with the letterhead or repeats the title:\n%s", st.Body)
			}
			q := st.Quotes
			if !slices.ContainsFunc(q, func(q index.Quote) bool {
				return strings.HasPrefix(q.Text, "Defending one’s land") && q.Speaker == "Mary Aileen Diez-Bacalso"
			}) {
				t.Errorf("quotes = %+v, want Mary Aileen Diez-Bacalso's", q)
			}
		})
	}
}

// TestExtract_officeSameAsText: a statement read from a .docx or .odt gives
// the title, date, source, names and quotes that the same statement gives
// as text or Markdown. The gold statements are the twins: the .docx went
// through pandoc, the .odt through LibreOffice.
func TestExtract_officeSameAsText(t *testing.T) {
	ex := newExtractor(t)
	for _, c := range []struct {
		office, text string
	}{
		{office: "civicus_hong_kong.docx", text: "testdata/gold/civicus_hong_kong.md"},
		{office: "suaram_human_rights_day.odt", text: "testdata/gold/suaram_human_rights_day.txt"},
		// As plain text, the letterhead above the headline is no title
		// either.
		{office: "statement.docx", text: filepath.Join(officeDir, "statement.txt")},
	} {
		t.Run(c.office, func(t *testing.T) {
			got, err := extractPath(t, ex, filepath.Join(officeDir, c.office))
			if err != nil {
				t.Fatal(err)
			}
			want, err := extractPath(t, ex, c.text)
			if err != nil {
				t.Fatal(err)
			}
			if got.Title != want.Title {
				t.Errorf("title = %q, want %q", got.Title, want.Title)
			}
			if got.Source != want.Source || !got.Published.Equal(want.Published) {
				t.Errorf("source, published = %q, %v; want %q, %v", got.Source, got.Published, want.Source, want.Published)
			}
			for _, f := range []struct {
				name      string
				got, want []string
			}{
				{"organizations", got.Organizations, want.Organizations},
				{"people", got.People, want.People},
				{"places", got.Places, want.Places},
				{"quotes", quoteKeys(got), quoteKeys(want)},
			} {
				if !slices.Equal(f.got, f.want) {
					t.Errorf("%s = %q\nwant %q", f.name, f.got, f.want)
				}
			}
		})
	}
}

// quoteKeys are a statement's quotations as "speaker: text".
func quoteKeys(st index.Statement) []string {
	var out []string
	for _, q := range st.Quotes {
		out = append(out, q.Speaker+": "+q.Text)
	}
	return out
}

// TestExtract_officeProperties: a statement whose text has no headline
// takes its title from the document's title property, unless that is what
// Word leaves on an unsaved file; and one whose text states no date is
// dated by its last save.
func TestExtract_officeProperties(t *testing.T) {
	ex := newExtractor(t)
	const first = "We, the undersigned civil society organizations, call on the military authorities in Myanmar"
	saved := time.Date(2023, 4, 13, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		file, title string
	}{
		{"property_title.docx", "Myanmar: Joint call to end the use of airstrikes on civilians"},
		{"template_title.docx", first + " to end at once the airstrikes on villages, schools and camps for displaced people, which have killed hundreds of civilians since the coup of 1 February 2021."},
	} {
		t.Run(c.file, func(t *testing.T) {
			st, err := extractPath(t, ex, filepath.Join(officeDir, c.file))
			if err != nil {
				t.Fatal(err)
			}
			if st.Title != c.title {
				t.Errorf("title = %q, want %q", st.Title, c.title)
			}
			if strings.Contains(st.Title, "Microsoft Word") {
				t.Errorf("a template's title leaked: %q", st.Title)
			}
			if st.Title != first && !strings.Contains(st.Title+st.Body, first) {
				t.Errorf("the first paragraph is lost:\ntitle %q\nbody %q", st.Title, st.Body)
			}
			if !st.Published.Equal(saved) {
				t.Errorf("published = %v, want the last save, %v", st.Published, saved)
			}
		})
	}
}

// TestExtract_officeUnreadable: damaged, encrypted and oversized files are
// skipped with a reason that says what is wrong with them.
func TestExtract_officeUnreadable(t *testing.T) {
	ex := newExtractor(t)
	for _, c := range []struct {
		file     string
		reason   error
		detail   string
		tooLarge bool
	}{
		{"truncated.docx", indexer.ErrUnreadableDOCX, "damaged or not a zip package", false},
		{"no_document.docx", indexer.ErrUnreadableDOCX, "no word/document.xml in the package", false},
		{"bomb.docx", indexer.ErrUnreadableDOCX, "too large once unpacked: over 20971520 bytes", true},
		{"old_word.docx", indexer.ErrUnreadableDOCX, "password-protected or encrypted (or an old .doc under a new name)", false},
		{"password.odt", indexer.ErrUnreadableODT, "password-protected", false},
	} {
		t.Run(c.file, func(t *testing.T) {
			_, err := extractPath(t, ex, filepath.Join(officeDir, c.file))
			if !errors.Is(err, c.reason) || !strings.Contains(err.Error(), c.reason.Error()+": ") || !strings.Contains(err.Error(), c.detail) {
				t.Errorf("err = %v, want %q with %q", err, c.reason, c.detail)
			}
			if errors.Is(err, corpus.ErrTooLarge) != c.tooLarge {
				t.Errorf("err = %v: wraps corpus.ErrTooLarge %v, want %v", err, !c.tooLarge, c.tooLarge)
			}
		})
	}
}

// BenchmarkExtract_office measures extracting each real file of
// testdata/office, from its bytes to the statement.
func BenchmarkExtract_office(b *testing.B) {
	ex := newExtractor(b)
	for _, name := range []string{"statement.docx", "statement_lo.docx", "statement.odt", "statement_pandoc.odt", "civicus_hong_kong.docx", "suaram_human_rights_day.odt", "statement.txt"} {
		path := filepath.Join(officeDir, name)
		body, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		ctype, _ := corpus.TypeOfName(path)
		doc := corpus.Document{ID: name, ContentType: ctype, Body: body}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				if _, _, err := ex.Extract(doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
