package indexer

import (
	"encoding/xml"
	"fmt"
	"path"
	"strings"
)

// WordprocessingML's namespaces: the transitional one Word, LibreOffice
// and pandoc write, and ISO 29500 Strict's. Elements of other namespaces
// (drawings, compatibility wrappers) are looked into for the Word
// paragraphs they hold, never read as text themselves.
const (
	wordNS       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wordStrictNS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	// markupCompatNS is mc:AlternateContent's: its mc:Fallback repeats
	// the mc:Choice (a text box drawn twice, new style and old).
	markupCompatNS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

func isWord(e xml.Name) bool { return e.Space == wordNS || e.Space == wordStrictNS }

// readDOCX reads a Word document: the main part that the package's
// relationships name (word/document.xml in practice), its footnotes and
// endnotes, the paragraph styles that say which paragraph is the title,
// and the core properties.
func readDOCX(body []byte, lim officeLimits) (officeDoc, error) {
	z, err := openOfficeZip(body, lim)
	if err != nil {
		return officeDoc{}, err
	}
	main, err := docxMainPart(z)
	if err != nil {
		return officeDoc{}, err
	}
	dir := path.Dir(main)
	styles := docxStyles{}
	if _, err := z.decode(path.Join(dir, "styles.xml"), styles.read); err != nil {
		return officeDoc{}, err
	}
	var t officeText
	found, err := z.decode(main, func(dec *xml.Decoder) error { return walkDOCX(dec, styles.kind, &t) })
	if err != nil {
		return officeDoc{}, err
	}
	if !found {
		return officeDoc{}, fmt.Errorf("no %s in the package (a spreadsheet or a presentation?)", main)
	}
	doc := officeDoc{paras: t.paras, notes: t.notes}
	for _, part := range []string{"footnotes.xml", "endnotes.xml"} {
		var notes officeText
		if _, err := z.decode(path.Join(dir, part), func(dec *xml.Decoder) error { return walkDOCX(dec, styles.kind, &notes) }); err != nil {
			return officeDoc{}, err
		}
		for _, p := range notes.paras {
			doc.notes = append(doc.notes, p.text)
		}
	}
	_, err = z.decode("docProps/core.xml", func(dec *xml.Decoder) error {
		return readProperties(dec, map[string]*string{"title": &doc.title, "created": &doc.created, "modified": &doc.modified})
	})
	return doc, err
}

// docxMainPart returns the name of the main document part, from the
// package relationships (_rels/.rels); word/document.xml when they name
// none.
func docxMainPart(z *officeZip) (string, error) {
	main := "word/document.xml"
	_, err := z.decode("_rels/.rels", func(dec *xml.Decoder) error {
		return eachToken(dec, func(tok xml.Token) error {
			e, ok := tok.(xml.StartElement)
			if !ok || e.Name.Local != "Relationship" || !strings.HasSuffix(xmlAttr(e, "Type"), "/officeDocument") || xmlAttr(e, "TargetMode") == "External" {
				return nil
			}
			if target := strings.TrimPrefix(xmlAttr(e, "Target"), "/"); target != "" {
				main = path.Clean(target)
			}
			return errStopTokens
		})
	})
	return main, err
}

// docxStyles maps paragraph style IDs to what they are. Style IDs are
// localized ("berschrift1" in a German Word), but the names of built-in
// styles are stored in English ("heading 1", "Title"), so the names are
// what is matched.
type docxStyles map[string]docxStyle

type docxStyle struct {
	name, basedOn string
	outline       string // w:outlineLvl, "0" for a top-level heading
}

func (s docxStyles) read(dec *xml.Decoder) error {
	var id string
	var cur docxStyle
	return eachToken(dec, func(tok xml.Token) error {
		switch e := tok.(type) {
		case xml.StartElement:
			if !isWord(e.Name) {
				return nil
			}
			switch e.Name.Local {
			case "style":
				id, cur = "", docxStyle{}
				if xmlAttr(e, "type") == "paragraph" {
					id = xmlAttr(e, "styleId")
				}
			case "name":
				cur.name = strings.ToLower(xmlAttr(e, "val"))
			case "basedOn":
				cur.basedOn = xmlAttr(e, "val")
			case "outlineLvl":
				cur.outline = xmlAttr(e, "val")
			case "rPr", "tblPr", "latentStyles":
				// Fonts and table looks, and Word's list of hundreds
				// of styles not in use.
				return dec.Skip()
			}
		case xml.EndElement:
			if isWord(e.Name) && e.Name.Local == "style" && id != "" {
				s[id] = cur
				id = ""
			}
		}
		return nil
	})
}

// maxStyleChain bounds the walk up a style's basedOn chain, which a
// damaged file may make circular.
const maxStyleChain = 10

// kind says what a paragraph in the style id is. A style based on Title or
// on a heading is one too. Without styles.xml, the IDs Word gives its
// built-in styles in English stand in for the names.
func (s docxStyles) kind(id string) paraKind {
	for range maxStyleChain {
		st, ok := s[id]
		if !ok {
			st = docxStyle{name: map[string]string{"Title": "title", "Heading1": "heading 1"}[id]}
		}
		switch {
		case st.name == "title":
			return paraTitle
		case st.name == "heading 1" || st.outline == "0":
			return paraHeading
		case st.basedOn == "" || !ok:
			return paraBody
		}
		id = st.basedOn
	}
	return paraBody
}

// walkDOCX reads the paragraphs of a WordprocessingML part into t.
func walkDOCX(dec *xml.Decoder, kind func(string) paraKind, t *officeText) error {
	inText := 0
	toc := false // the content control being read is a table of contents
	return eachToken(dec, func(tok xml.Token) error {
		var err error
		switch e := tok.(type) {
		case xml.StartElement:
			if !isWord(e.Name) {
				if e.Name.Space == markupCompatNS && e.Name.Local == "Fallback" {
					return dec.Skip()
				}
				return nil
			}
			switch e.Name.Local {
			case "p":
				t.startPara(paraBody)
			case "pPr":
				k, err := docxParaKind(dec, kind)
				t.setKind(k)
				return err
			case "t":
				inText++
			case "tab", "ptab":
				t.write("\t")
			case "br", "cr":
				t.write("\n")
			case "noBreakHyphen":
				t.write("-")
			case "tr":
				t.startRow()
			case "tc":
				t.startCell()
			case "sdtPr":
				// A table of contents repeats the headings above the
				// text, where the headline is looked for.
				toc, err = docxIsTOC(dec)
				return err
			case "sdtContent":
				if toc {
					toc = false
					return dec.Skip()
				}
			case "rPr", "tblPr", "trPr", "tcPr", "sectPr", "del", "moveFrom", "delText", "instrText":
				// Formatting, and text that is not the document's
				// present text: deleted in tracked changes, moved away
				// (it appears again where it went), field codes.
				return dec.Skip()
			}
		case xml.EndElement:
			if !isWord(e.Name) {
				return nil
			}
			switch e.Name.Local {
			case "p":
				t.endPara()
			case "t":
				inText--
			case "tr":
				t.endRow()
			}
		case xml.CharData:
			if inText > 0 {
				t.write(string(e))
			}
		}
		return nil
	})
}

// docxParaKind reads a w:pPr to its end and says what its style makes the
// paragraph.
func docxParaKind(dec *xml.Decoder, kind func(string) paraKind) (paraKind, error) {
	k := paraBody
	err := eachStartIn(dec, func(e xml.StartElement) {
		switch {
		case !isWord(e.Name):
		case e.Name.Local == "pStyle":
			k = max(k, kind(xmlAttr(e, "val")))
		case e.Name.Local == "outlineLvl" && xmlAttr(e, "val") == "0":
			k = max(k, paraHeading)
		}
	})
	return k, err
}

// docxIsTOC reads a content control's w:sdtPr to its end and reports
// whether it marks a table of contents.
func docxIsTOC(dec *xml.Decoder) (bool, error) {
	toc := false
	err := eachStartIn(dec, func(e xml.StartElement) {
		if isWord(e.Name) && e.Name.Local == "docPartGallery" && strings.Contains(xmlAttr(e, "val"), "Table of Contents") {
			toc = true
		}
	})
	return toc, err
}

// readProperties reads the text of the first element of each local name in
// fields (a document's title and dates) into it.
func readProperties(dec *xml.Decoder, fields map[string]*string) error {
	var into *string
	return eachToken(dec, func(tok xml.Token) error {
		switch e := tok.(type) {
		case xml.StartElement:
			into = nil
			if f, ok := fields[e.Name.Local]; ok && *f == "" {
				into = f
			}
		case xml.CharData:
			if into != nil {
				*into += string(e)
			}
		case xml.EndElement:
			into = nil
		}
		return nil
	})
}
