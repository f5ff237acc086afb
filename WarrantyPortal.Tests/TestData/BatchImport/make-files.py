"""Writes the multi-sheet workbook through LibreOffice's UNO bridge."""
import sys, time, uno
from com.sun.star.beans import PropertyValue

out, port = sys.argv[1], sys.argv[2]

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(60):
    try:
        ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.5)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)

def new_doc():
    return desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))

def save(doc, name, *extra):
    doc.storeToURL(uno.systemPathToFileUrl(f"{out}/{name}"), (prop("FilterName", "Calc MS Excel 2007 XML"),) + extra)
    doc.close(True)

doc = new_doc()
sheets = doc.Sheets
notes = sheets.getByIndex(0)
sheets.insertNewByName("Devices", 1)
notes.getCellByPosition(0, 0).setString("Order notes")
notes.getCellByPosition(0, 1).setString("Site: Tallinn rooftop, 3 inverters")
devices = sheets.getByName("Devices")
devices.getCellByPosition(0, 0).setString("Serial No.")
devices.getCellByPosition(1, 0).setString("ECU")
devices.getCellByPosition(0, 1).setValue(702000096622.0)
devices.getCellByPosition(1, 1).setString("215000012345")
devices.getCellByPosition(0, 2).setString("qs1a-000 1234")
devices.getCellByPosition(0, 4).setString("702000096622")
save(doc, "lo-second-sheet.xlsx")

desktop.terminate()
