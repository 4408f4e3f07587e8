# retitle.py IN OUT TITLE: copies a .docx with TITLE as its dc:title, and
# with the dates Word would have written had it been saved on 13 April 2023
# (pandoc stamps the time it runs).
import re, sys, zipfile
src, dst, title = sys.argv[1:4]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "docProps/core.xml":
            data = re.sub(rb"<dc:title>[^<]*</dc:title>", b"<dc:title>" + title.encode() + b"</dc:title>", data)
            data = re.sub(rb"(<dcterms:created[^>]*>)[^<]*", rb"\g<1>2023-04-12T16:02:00Z", data)
            data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2023-04-13T09:30:00Z", data)
        zout.writestr(item, data)
