# Saves a document again with a password, through LibreOffice's UNO API:
#   soffice --headless --accept="socket,host=127.0.0.1,port=2002;urp;" &
#   /usr/bin/python3 encrypt.py IN OUT FILTER
# FILTER is "MS Word 2007 XML" for .docx or "writer8" for .odt.
import os, sys, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p

src, dst, flt = (uno.systemPathToFileUrl(os.path.abspath(sys.argv[1])), uno.systemPathToFileUrl(os.path.abspath(sys.argv[2])), sys.argv[3])
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(60):
    try:
        ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=2002;urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.5)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
doc = desktop.loadComponentFromURL(src, "_blank", 0, (prop("Hidden", True),))
doc.storeToURL(dst, (prop("FilterName", flt), prop("Password", "secret")))
doc.close(True)
