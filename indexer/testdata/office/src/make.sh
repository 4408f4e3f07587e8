#!/bin/sh
# Remakes the .docx and .odt files of indexer/testdata/office from the
# sources here and from the gold set. Tests read the files it made, which
# are committed: neither pandoc nor LibreOffice is needed to run them.
#   apt-get install pandoc libreoffice-writer-nogui python3-uno zip
# Run from this folder. LibreOffice stamps the files with the time it
# writes them, so a run changes every file.
set -eu
out=..
gold=../../gold
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; [ -n "${lo:-}" ] && kill "$lo" 2>/dev/null || true' EXIT

# The statement, with a letterhead above its Title-styled headline, a date
# line, curly quotes, a table, a footnote and hard line breaks: written by
# pandoc, then saved by LibreOffice as .odt and that again as .docx.
pandoc statement.md -o "$out/statement.docx"
pandoc statement.md -o "$out/statement_pandoc.odt"
soffice --headless --convert-to odt --outdir "$tmp" "$out/statement.docx" >/dev/null
cp "$tmp/statement.odt" "$out/statement.odt"
zip -q -d "$out/statement.odt" Thumbnails/thumbnail.png # 26 KB of picture
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp/lo" "$out/statement.odt" >/dev/null
cp "$tmp/lo/statement.docx" "$out/statement_lo.docx"

# Gold statements as a reporter receives them: the Markdown one through
# pandoc, the text one opened and saved by LibreOffice (one paragraph a
# line).
# The image line is left out: pandoc would try to fetch the picture.
# Without "smart", pandoc keeps the straight quotes the source has.
sed '/^!\[/d' "$gold/civicus_hong_kong.md" | pandoc -f markdown-smart -o "$out/civicus_hong_kong.docx"
soffice --headless --convert-to odt --outdir "$tmp" "$gold/suaram_human_rights_day.txt" >/dev/null
cp "$tmp/suaram_human_rights_day.odt" "$out/suaram_human_rights_day.odt"
zip -q -d "$out/suaram_human_rights_day.odt" Thumbnails/thumbnail.png

# No headline, and the title property Word leaves on an unsaved file; and
# the same with a real title property.
pandoc noheadline.md -o "$tmp/noheadline.docx"
/usr/bin/python3 retitle.py "$tmp/noheadline.docx" "$out/template_title.docx" "Microsoft Word - Document1"
/usr/bin/python3 retitle.py "$tmp/noheadline.docx" "$out/property_title.docx" "Myanmar: Joint call to end the use of airstrikes on civilians"

# Bad files: cut short; without its document part; unpacking to 30 MB
# (deflate packs it to about 30 KB); an old Word .doc under a .docx name;
# a password-protected .odt (content.xml encrypted).
head -c 4000 "$out/statement.docx" >"$out/truncated.docx"
cp "$out/statement.docx" "$out/no_document.docx"
zip -q -d "$out/no_document.docx" word/document.xml
/usr/bin/python3 bomb.py "$out/statement.docx" "$out/bomb.docx"
soffice --headless --convert-to 'doc:MS Word 97' --outdir "$tmp" "$out/statement.odt" >/dev/null
cp "$tmp/statement.doc" "$out/old_word.docx"
soffice --headless --accept="socket,host=127.0.0.1,port=2002;urp;" >/dev/null 2>&1 &
lo=$!
/usr/bin/python3 encrypt.py "$out/statement.odt" "$out/password.odt" writer8
