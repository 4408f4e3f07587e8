package corpus

import "time"

// Content types of a Document.
const (
	TypeText  = "text/plain"
	TypeHTML  = "text/html"
	TypeMD    = "text/markdown"
	TypeJSONL = "application/jsonl" // one Record a line; a Document holds one line
	TypePDF   = "application/pdf"   // the text layer is read; scans have none
	// TypeDOCX is a Word document (.docx, Office Open XML).
	TypeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	// TypeODT is an OpenDocument text (.odt), as LibreOffice writes.
	TypeODT = "application/vnd.oasis.opendocument.text"
)

// Document is one unit of input before extraction.
type Document struct {
	// ID is stable: the seed file name without extension, or derived from the
	// file path (and the line, for JSONL) or the URL. Never random.
	ID string
	// Name says where it came from, for people: a path, "path:line" or a URL.
	Name        string
	ContentType string
	Body        []byte
	Fetched     time.Time
}

// Record is one line of a JSONL file: a statement already split into fields.
type Record struct {
	Title     string `json:"title"`
	Body      string `json:"body"`
	HTML      string `json:"html"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Published string `json:"published"`
}
