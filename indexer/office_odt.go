package indexer

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// OpenDocument's namespaces, as content.xml, meta.xml and the manifest use
// them.
const (
	odfTextNS     = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	odfTableNS    = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	odfOfficeNS   = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	odfStyleNS    = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
	odfSVGNS      = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
	odfManifestNS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
)

// odtMimetypes are the mimetype entries of word-processing documents: a
// text, a template, a master document. A spreadsheet under a .odt name
// is refused with its own type named.
var odtMimetypes = map[string]bool{
	"application/vnd.oasis.opendocument.text":          true,
	"application/vnd.oasis.opendocument.text-template": true,
	"application/vnd.oasis.opendocument.text-master":   true,
}

// maxSpaces bounds the run of spaces one <text:s text:c="N"/> asks for.
const maxSpaces = 100

// readODT reads an OpenDocument text: content.xml's body, with the styles
// that say which paragraph is the title, and meta.xml's properties.
func readODT(body []byte, lim officeLimits) (officeDoc, error) {
	z, err := openOfficeZip(body, lim)
	if err != nil {
		return officeDoc{}, err
	}
	mt, err := z.text("mimetype")
	if err != nil {
		return officeDoc{}, err
	}
	// The entry is optional; a package without it is read as a text.
	if mt = strings.TrimSpace(mt); mt != "" && !odtMimetypes[mt] {
		return officeDoc{}, fmt.Errorf("%.100q, not a text document", mt)
	}
	var encrypted bool
	_, err = z.decode("META-INF/manifest.xml", func(dec *xml.Decoder) (err error) {
		encrypted, err = odtEncrypted(dec)
		return err
	})
	if err != nil {
		return officeDoc{}, err
	}
	if encrypted {
		return officeDoc{}, errors.New("password-protected")
	}
	styles := odtStyles{}
	if _, err := z.decode("styles.xml", func(dec *xml.Decoder) error { return walkODT(dec, styles, nil) }); err != nil {
		return officeDoc{}, err
	}
	var t officeText
	found, err := z.decode("content.xml", func(dec *xml.Decoder) error { return walkODT(dec, styles, &t) })
	if err != nil {
		return officeDoc{}, err
	}
	if !found {
		return officeDoc{}, errors.New("no content.xml in the package")
	}
	doc := officeDoc{paras: t.paras, notes: t.notes}
	_, err = z.decode("meta.xml", func(dec *xml.Decoder) error {
		return readProperties(dec, map[string]*string{"title": &doc.title, "creation-date": &doc.created, "date": &doc.modified})
	})
	return doc, err
}

// odtEncrypted reports whether the manifest lists content.xml as
// encrypted: its bytes are then ciphertext, and a password would be needed.
func odtEncrypted(dec *xml.Decoder) (bool, error) {
	inContent, encrypted := false, false
	err := eachToken(dec, func(tok xml.Token) error {
		e, ok := tok.(xml.StartElement)
		if !ok || e.Name.Space != odfManifestNS {
			return nil
		}
		switch e.Name.Local {
		case "file-entry":
			inContent = xmlAttr(e, "full-path") == "content.xml"
		case "encryption-data":
			if inContent {
				encrypted = true
				return errStopTokens
			}
		}
		return nil
	})
	return encrypted, err
}

// odtStyles maps a paragraph style's name to its parent's; LibreOffice
// writes a paragraph of the Title style with an automatic style ("P1")
// whose parent is Title.
type odtStyles map[string]string

// kind says what a paragraph in the named style is: a style whose parent
// chain reaches Title or Heading 1 is one too.
func (s odtStyles) kind(name string) paraKind {
	for range maxStyleChain {
		switch name {
		case "Title":
			return paraTitle
		case "Heading_20_1":
			return paraHeading
		}
		parent, ok := s[name]
		if !ok {
			return paraBody
		}
		name = parent
	}
	return paraBody
}

// walkODT reads an OpenDocument part: the paragraph styles it defines
// into styles, and, when t is not nil, the paragraphs of its body into t.
func walkODT(dec *xml.Decoder, styles odtStyles, t *officeText) error {
	if t == nil {
		t = &officeText{} // styles.xml: its header and footer text is not kept
	}
	return eachToken(dec, func(tok xml.Token) error {
		switch e := tok.(type) {
		case xml.StartElement:
			skip := false
			switch e.Name.Space {
			case odfStyleNS:
				if e.Name.Local == "style" && xmlAttr(e, "family") == "paragraph" {
					if parent := xmlAttr(e, "parent-style-name"); parent != "" {
						styles[xmlAttr(e, "name")] = parent
					}
				}
			case odfTextNS:
				skip = odtText(e, styles, t)
			case odfTableNS:
				switch e.Name.Local {
				case "table-row":
					t.startRow()
				case "table-cell":
					t.startCell()
				case "covered-table-cell":
					skip = true
				}
			case odfOfficeNS:
				// Comments, and the header and footer of the master
				// pages (page furniture, in styles.xml).
				skip = e.Name.Local == "annotation" || e.Name.Local == "master-styles" || e.Name.Local == "forms"
			case odfSVGNS:
				// An image's title and description are not the text.
				skip = e.Name.Local == "title" || e.Name.Local == "desc"
			}
			if skip {
				return dec.Skip()
			}
		case xml.EndElement:
			switch {
			case e.Name.Space == odfTextNS && (e.Name.Local == "p" || e.Name.Local == "h"):
				t.endPara()
			case e.Name.Space == odfTextNS && e.Name.Local == "note":
				t.inNote--
			case e.Name.Space == odfTableNS && e.Name.Local == "table-row":
				t.endRow()
			}
		case xml.CharData:
			t.write(string(e))
		}
		return nil
	})
}

// odtText handles an element of the text namespace and reports whether its
// content is to be skipped.
func odtText(e xml.StartElement, styles odtStyles, t *officeText) (skip bool) {
	switch e.Name.Local {
	case "p":
		t.startPara(styles.kind(xmlAttr(e, "style-name")))
	case "h":
		k := styles.kind(xmlAttr(e, "style-name"))
		if lvl := xmlAttr(e, "outline-level"); lvl == "" || lvl == "1" {
			k = max(k, paraHeading)
		}
		t.startPara(k)
	case "s":
		n, err := strconv.Atoi(xmlAttr(e, "c"))
		if err != nil || n < 1 {
			n = 1
		}
		t.write(strings.Repeat(" ", min(n, maxSpaces)))
	case "tab":
		t.write("\t")
	case "line-break":
		t.write("\n")
	case "note":
		t.inNote++
	case "note-citation", "tracked-changes", "table-of-content", "illustration-index",
		"table-index", "object-index", "user-index", "alphabetical-index", "bibliography":
		// The footnote's number; deleted text kept for tracked changes;
		// indexes, which repeat the headings above the text where the
		// headline is looked for.
		return true
	}
	return false
}
