package indexer

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/advosearch/advosearch/corpus"
)

// officeZipOf packs files (name → content) into a zip, in the order given.
func officeZipOf(t testing.TB, files ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for i := 0; i+1 < len(files); i += 2 {
		f, err := w.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(files[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const (
	wordOpen  = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>`
	wordClose = `</w:body></w:document>`
	odfOpen   = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0">`
	odfClose  = `</office:document-content>`
)

// wordStyles is a styles.xml as a German Word writes it: localized style
// IDs, English names for the built-in styles.
const wordStyles = `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Kopf"><w:name w:val="Press headline"/><w:basedOn w:val="Titel"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="loop"/><w:basedOn w:val="Loop"/></w:style>
<w:style w:type="character" w:styleId="Titel"><w:name w:val="Not a paragraph style"/></w:style>
</w:styles>`

func para(kind paraKind, text string) officePara { return officePara{text: text, kind: kind} }

// TestReadDOCX_structure: what each piece of WordprocessingML becomes.
func TestReadDOCX_structure(t *testing.T) {
	for _, c := range []struct {
		name  string
		body  string
		paras []officePara
		notes []string
	}{
		{
			name:  "runs tabs breaks hyphens",
			body:  `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Date:</w:t><w:tab/><w:t xml:space="preserve">12 March 2024 </w:t></w:r><w:r><w:br/><w:t>non</w:t><w:noBreakHyphen/><w:t>governmental</w:t><w:softHyphen/><w:cr/><w:t>&amp; “quoted”</w:t></w:r></w:p><w:p/>`,
			paras: []officePara{para(paraBody, "Date:\t12 March 2024 \nnon-governmental\n& “quoted”")},
		},
		{
			name:  "localized styles by name, inheritance, loops",
			body:  `<w:p><w:pPr><w:pStyle w:val="Titel"/></w:pPr><w:r><w:t>A title</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:t>A heading</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Kopf"/></w:pPr><w:r><w:t>Based on Title</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Loop"/></w:pPr><w:r><w:t>Circular</w:t></w:r></w:p><w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Outline level 0</w:t></w:r></w:p>`,
			paras: []officePara{para(paraTitle, "A title"), para(paraHeading, "A heading"), para(paraTitle, "Based on Title"), para(paraBody, "Circular"), para(paraHeading, "Outline level 0")},
		},
		{
			name:  "tracked changes and field codes",
			body:  `<w:p><w:r><w:t xml:space="preserve">Released </w:t></w:r><w:del w:id="1"><w:r><w:delText>yesterday</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>today</w:t></w:r></w:ins><w:moveFrom><w:r><w:t>moved</w:t></w:r></w:moveFrom><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://example.org" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:hyperlink><w:r><w:t xml:space="preserve"> online</w:t></w:r></w:hyperlink></w:p>`,
			paras: []officePara{para(paraBody, "Released today online")},
		},
		{
			name:  "text box drawn twice",
			body:  `<w:p><w:r><w:t xml:space="preserve">Before </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>In the box</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>In the box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>after</w:t></w:r></w:p>`,
			paras: []officePara{para(paraBody, "In the box"), para(paraBody, "Before after")},
		},
		{
			name:  "tables, nested, with empty cells",
			body:  `<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/></w:tblPr><w:tr><w:tc><w:p><w:r><w:t>Name</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>Charge</w:t></w:r></w:p><w:p><w:r><w:t>(Article 495)</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>inner b</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p><w:r><w:t>outer</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>After the table</w:t></w:r></w:p>`,
			paras: []officePara{para(paraBody, "Name\tCharge (Article 495)"), para(paraBody, "inner a\tinner b\touter"), para(paraBody, "After the table")},
		},
		{
			name:  "table of contents left out",
			body:  `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Contents</w:t></w:r></w:p><w:p><w:r><w:t>Background</w:t></w:r></w:p></w:sdtContent></w:sdt><w:sdt><w:sdtPr><w:alias w:val="Date"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>12 March 2024</w:t></w:r></w:p></w:sdtContent></w:sdt>`,
			paras: []officePara{para(paraBody, "12 March 2024")},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := readDOCX(officeZipOf(t, "word/document.xml", wordOpen+c.body+wordClose, "word/styles.xml", wordStyles), defaultOfficeLimits)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(doc.paras, c.paras) || !slices.Equal(doc.notes, c.notes) {
				t.Errorf("paragraphs %+v, notes %q\nwant %+v, %q", doc.paras, doc.notes, c.paras, c.notes)
			}
		})
	}
}

// TestReadDOCX_package: the main part is where the relationships say, in
// either namespace, and the notes and properties are read beside it.
func TestReadDOCX_package(t *testing.T) {
	strict := `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>Strict text</w:t><w:footnoteReference w:id="1"/></w:r></w:p></w:body></w:document>`
	doc, err := readDOCX(officeZipOf(t,
		"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/main/doc.xml"/></Relationships>`,
		"main/doc.xml", strict,
		"main/footnotes.xml", `<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> A note.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
		"main/endnotes.xml", `<w:endnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:endnote w:id="1"><w:p><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote></w:endnotes>`,
		"word/document.xml", wordOpen+`<w:p><w:r><w:t>Not the main part</w:t></w:r></w:p>`+wordClose,
		"docProps/core.xml", `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>A &amp; B</dc:title><dcterms:created>2024-03-11T16:00:00Z</dcterms:created><dcterms:modified>2024-03-12T08:00:00Z</dcterms:modified></cp:coreProperties>`,
	), defaultOfficeLimits)
	if err != nil {
		t.Fatal(err)
	}
	want := officeDoc{paras: []officePara{para(paraBody, "Strict text")}, notes: []string{"A note.", "An endnote."}, title: "A & B", created: "2024-03-11T16:00:00Z", modified: "2024-03-12T08:00:00Z"}
	if !slices.Equal(doc.paras, want.paras) || !slices.Equal(doc.notes, want.notes) || doc.title != want.title || doc.created != want.created || doc.modified != want.modified {
		t.Errorf("doc = %+v\nwant %+v", doc, want)
	}
}

// TestReadODT_structure: what each piece of OpenDocument text becomes.
func TestReadODT_structure(t *testing.T) {
	content := odfOpen + `<office:automatic-styles><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/><style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard"/></office:automatic-styles><office:body><office:text>
<text:tracked-changes><text:changed-region><text:deletion><text:p>Deleted words</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:table-of-content><text:index-body><text:p>Contents</text:p></text:index-body></text:table-of-content>
<text:p text:style-name="P2">Letterhead</text:p>
<text:p text:style-name="P1">The <text:span>title</text:span></text:p>
<text:h text:outline-level="1">Heading</text:h>
<text:h text:outline-level="2">Subheading</text:h>
<text:p>Date:<text:tab/>12 March<text:s text:c="3"/>2024<text:line-break/>Bangkok<text:s/>office<text:s text:c="999999999"/>.</text:p>
<text:p>Cited here<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>The note.</text:p></text:note-body></text:note> and on.<office:annotation><text:p>A comment</text:p></office:annotation></text:p>
<text:p><draw:frame><svg:desc>Logo of the organization</svg:desc><draw:text-box><text:p>Boxed</text:p></draw:text-box></draw:frame>Around the box</text:p>
<table:table><table:table-column table:number-columns-repeated="2"/><table:table-header-rows><table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Spanned</text:p></table:table-cell><table:covered-table-cell><text:p>Hidden</text:p></table:covered-table-cell></table:table-row></table:table-header-rows><table:table-row><table:table-cell><text:p>a</text:p></table:table-cell><table:table-cell><text:p>b</text:p><text:list><text:list-item><text:p>c</text:p></text:list-item></text:list></table:table-cell></table:table-row></table:table>
</office:text></office:body>` + odfClose
	doc, err := readODT(officeZipOf(t,
		"mimetype", "application/vnd.oasis.opendocument.text",
		"content.xml", content,
		"styles.xml", odfOpen+`<office:styles><style:style style:name="Press" style:family="paragraph" style:parent-style-name="Heading_20_1"/></office:styles><office:master-styles><style:master-page><style:header><text:p>Running header</text:p></style:header></style:master-page></office:master-styles>`+odfClose,
		"meta.xml", `<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><meta:creation-date>2024-03-11T16:00:00</meta:creation-date><dc:date>2024-03-12T08:00:00.123</dc:date><dc:title>Untitled 1</dc:title></office:meta></office:document-meta>`,
	), defaultOfficeLimits)
	if err != nil {
		t.Fatal(err)
	}
	wantParas := []officePara{
		para(paraBody, "Letterhead"),
		para(paraTitle, "The title"),
		para(paraHeading, "Heading"),
		para(paraBody, "Subheading"),
		para(paraBody, "Date:\t12 March   2024\nBangkok office"+strings.Repeat(" ", maxSpaces)+"."),
		para(paraBody, "Cited here and on."),
		para(paraBody, "Boxed"),
		para(paraBody, "Around the box"),
		para(paraBody, "Spanned"),
		para(paraBody, "a\tb c"),
	}
	if !slices.Equal(doc.paras, wantParas) {
		t.Errorf("paragraphs\n%+v\nwant\n%+v", doc.paras, wantParas)
	}
	if want := []string{"The note."}; !slices.Equal(doc.notes, want) {
		t.Errorf("notes %q, want %q", doc.notes, want)
	}
	if doc.title != "Untitled 1" || doc.created != "2024-03-11T16:00:00" || doc.modified != "2024-03-12T08:00:00.123" {
		t.Errorf("properties = %q %q %q", doc.title, doc.created, doc.modified)
	}
	if got := (odtStyles{"Press": "Heading_20_1", "A": "B", "B": "A"}); got.kind("Press") != paraHeading || got.kind("A") != paraBody {
		t.Errorf("style kinds: Press %v, a loop %v", got.kind("Press"), got.kind("A"))
	}
}

// TestIndexer_Files_office indexes a folder of Word and OpenDocument files,
// some of them unreadable: the good ones are indexed, each bad one is
// skipped with its reason, and nothing is ignored for its type.
func TestIndexer_Files_office(t *testing.T) {
	dir := t.TempDir()
	good := []string{"statement.docx", "statement.odt", "civicus_hong_kong.docx"}
	bad := []string{"bomb.docx", "password.odt", "truncated.docx"}
	for _, name := range append(slices.Clone(good), bad...) {
		body, err := os.ReadFile(filepath.Join("testdata/office", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in, err := New(openIndex(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := in.Files(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed != len(good) || len(sum.Ignored) != 0 {
		t.Errorf("indexed %d, ignored %v; want %d indexed and nothing ignored", sum.Indexed, sum.Ignored, len(good))
	}
	var skipped []string
	for _, s := range sum.Skipped {
		skipped = append(skipped, filepath.Base(s.Name))
		if !errors.Is(s.Err, ErrUnreadableDOCX) && !errors.Is(s.Err, ErrUnreadableODT) {
			t.Errorf("%s skipped for %v, want a reason that says it is not readable", s.Name, s.Err)
		}
	}
	slices.Sort(skipped)
	if !slices.Equal(skipped, bad) {
		t.Errorf("skipped %v, want %v", skipped, bad)
	}
}

// TestReadOffice_refused: packages that are not word-processing documents,
// or would unpack past the limits, are refused with a reason.
func TestReadOffice_refused(t *testing.T) {
	small := officeLimits{unpacked: 1000, entries: 10}
	many := make([]string, 0, 24)
	for i := range 12 {
		many = append(many, fmt.Sprintf("media/%d.png", i), "x")
	}
	for _, c := range []struct {
		name string
		read func([]byte, officeLimits) (officeDoc, error)
		body []byte
		want string
		// tooLarge: the error wraps corpus.ErrTooLarge.
		tooLarge bool
	}{
		{"text, not a zip", readDOCX, []byte("Statement\n\nText saved with the wrong extension."), "damaged or not a zip package", false},
		{"empty file", readODT, nil, "damaged or not a zip package", false},
		{"spreadsheet as .odt", readODT, officeZipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", odfOpen+odfClose), `"application/vnd.oasis.opendocument.spreadsheet", not a text document`, false},
		{"docx read as odt", readODT, officeZipOf(t, "word/document.xml", wordOpen+wordClose), "no content.xml in the package", false},
		{"broken XML", readDOCX, officeZipOf(t, "word/document.xml", wordOpen+"<w:p><w:r><w:t>cut"), "word/document.xml: XML syntax error", false},
		{"too many entries", readDOCX, officeZipOf(t, many...), "12 entries, the limit is 10", true},
		{"one entry too large", readDOCX, officeZipOf(t, "word/document.xml", wordOpen+strings.Repeat("<w:p/>", 200)+wordClose), "too large once unpacked", true},
		// No one entry is over the limit; together they are.
		{"entries too large together", readDOCX, officeZipOf(t, "word/styles.xml", `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`+strings.Repeat(" ", 700)+`</w:styles>`, "word/document.xml", wordOpen+strings.Repeat(" ", 500)+wordClose), "too large once unpacked", true},
		{"encrypted odt", readODT, officeZipOf(t, "META-INF/manifest.xml", `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="styles.xml"/><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>`, "content.xml", "\x8f\x01ciphertext"), "password-protected", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.read(c.body, small)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want one saying %q", err, c.want)
			}
			if errors.Is(err, corpus.ErrTooLarge) != c.tooLarge {
				t.Errorf("err = %v wraps corpus.ErrTooLarge: %v, want %v", err, !c.tooLarge, c.tooLarge)
			}
		})
	}
}

// TestOfficeDoc_headline: which styled paragraph is the headline.
func TestOfficeDoc_headline(t *testing.T) {
	prose := "The organizations below call on the government to release the defenders detained on Monday and to drop every charge against them."
	for _, c := range []struct {
		name  string
		paras []officePara
		want  int
	}{
		{"title under a letterhead and a label", []officePara{para(paraBody, "FORUM-ASIA"), para(paraBody, "Joint press statement"), para(paraTitle, "Release the defenders")}, 2},
		{"title wins over an earlier heading", []officePara{para(paraHeading, "Cambodia"), para(paraTitle, "Release the defenders")}, 1},
		{"first heading at the top", []officePara{para(paraBody, "12 March 2024"), para(paraHeading, "Release the defenders"), para(paraHeading, "Background")}, 1},
		{"a heading after running text is a section's", []officePara{para(paraBody, prose), para(paraHeading, "Background")}, -1},
		{"a styled date line or label is not a headline", []officePara{para(paraTitle, "12 March 2024"), para(paraHeading, "Press release"), para(paraBody, prose)}, -1},
		{"no styles", []officePara{para(paraBody, "Release the defenders"), para(paraBody, prose)}, -1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := (officeDoc{paras: c.paras}).headline(); got != c.want {
				t.Errorf("headline() = %d, want %d", got, c.want)
			}
		})
	}
}

func TestUsableTitle(t *testing.T) {
	for in, want := range map[string]string{
		"Microsoft Word - Document1":            "",
		"Microsoft Word - statement_final.docx": "",
		"Untitled 1":                            "",
		"Document3":                             "",
		"Statement FINAL v2.docx":               "",
		"Press release":                         "",
		"Title":                                 "",
		"Cambodia":                              "",
		"  Cambodia:  release the\n defenders of Koh Kong": "Cambodia: release the defenders of Koh Kong",
	} {
		if got := usableTitle(in); got != want {
			t.Errorf("usableTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzExtract_office feeds the Word and OpenDocument readers damaged
// packages, starting from the real files: a document is skipped with a
// reason, or yields valid UTF-8 with a title and a body; no input panics.
func FuzzExtract_office(f *testing.F) {
	files, err := filepath.Glob("testdata/office/*.*")
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range files {
		if strings.HasSuffix(p, "bomb.docx") {
			continue // slow to unpack on every run, and covered by a test
		}
		body, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(body, strings.HasSuffix(p, ".odt"))
	}
	e, err := NewExtractor()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte, odt bool) {
		ctype := corpus.TypeDOCX
		if odt {
			ctype = corpus.TypeODT
		}
		st, _, err := e.Extract(corpus.Document{ID: "fuzz", ContentType: ctype, Body: body})
		if err != nil {
			var reason SkipReason
			if !errors.As(err, &reason) {
				t.Errorf("error without a skip reason: %v", err)
			}
			return
		}
		if st.Title == "" || st.Body == "" || !utf8.ValidString(st.Title) || !utf8.ValidString(st.Body) {
			t.Errorf("no error, but title %q and body %q", st.Title, st.Body)
		}
	})
}

// BenchmarkReadOffice measures unpacking and parsing alone, without the
// shared extraction steps that run over every format's text.
func BenchmarkReadOffice(b *testing.B) {
	for _, name := range []string{"statement.docx", "statement_lo.docx", "statement.odt", "statement_pandoc.odt"} {
		body, err := os.ReadFile(filepath.Join("testdata/office", name))
		if err != nil {
			b.Fatal(err)
		}
		read := readDOCX
		if strings.HasSuffix(name, ".odt") {
			read = readODT
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				if _, err := read(body, defaultOfficeLimits); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
