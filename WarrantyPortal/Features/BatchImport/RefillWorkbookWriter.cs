using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace WarrantyPortal.Features.BatchImport;

/// <summary>
/// Writes the refill workbook straight to a zip, row by row: a spreadsheet object model holds every cell in
/// memory (close to a gigabyte for 100,000 refused rows), this holds none. Layout: a note on row 1, the header
/// on row 2 (SN, Plan, Gateway/ECU as text columns, then the reason and the original line), refused rows below.
/// </summary>
internal static class RefillWorkbookWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRels = "http://schemas.openxmlformats.org/package/2006/relationships";

    // Cell styles, by index in styles.xml's cellXfs.
    private const string TextStyle = "1";
    private const string HeaderStyle = "2";
    private const string NoteStyle = "3";
    private const string ReasonStyle = "4";

    private static readonly double[] Widths = [24, 14, 22, 70, 18];

    public static void Write(Stream output, string sheetName, string note, IReadOnlyList<string> headers,
        IEnumerable<RefillRow> rows, IReadOnlyCollection<string> planCodes)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var planList = planCodes.Select(c => c.Replace("\"", "").Replace(",", "")).ToList();
        var inlineList = "\"" + string.Join(",", planList) + "\"";
        var listSheet = planList.Count > 0 && inlineList.Length > 255;

        Add(zip, "[Content_Types].xml", ContentTypes(listSheet));
        Add(zip, "_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PackageRels}"><Relationship Id="rId1" Type="{RelNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Add(zip, "xl/workbook.xml", Workbook(sheetName, listSheet));
        Add(zip, "xl/_rels/workbook.xml.rels", WorkbookRels(listSheet));
        Add(zip, "xl/styles.xml", Styles);
        if (listSheet)
        {
            WritePart(zip, "xl/worksheets/sheet2.xml", x =>
            {
                x.WriteStartElement("sheetData", Main);
                for (var i = 0; i < planList.Count; i++)
                {
                    x.WriteStartElement("row", Main);
                    x.WriteAttributeString("r", (i + 1).ToString(CultureInfo.InvariantCulture));
                    Text(x, $"A{i + 1}", planList[i], null);
                    x.WriteEndElement();
                }
                x.WriteEndElement();
            });
        }

        WritePart(zip, "xl/worksheets/sheet1.xml", x =>
        {
            x.WriteStartElement("sheetViews", Main);
            x.WriteStartElement("sheetView", Main);
            x.WriteAttributeString("tabSelected", "1");
            x.WriteAttributeString("workbookViewId", "0");
            x.WriteStartElement("pane", Main);
            x.WriteAttributeString("ySplit", "2");
            x.WriteAttributeString("topLeftCell", "A3");
            x.WriteAttributeString("activePane", "bottomLeft");
            x.WriteAttributeString("state", "frozen");
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndElement();

            x.WriteStartElement("cols", Main);
            for (var i = 0; i < Widths.Length; i++)
            {
                x.WriteStartElement("col", Main);
                var n = (i + 1).ToString(CultureInfo.InvariantCulture);
                x.WriteAttributeString("min", n);
                x.WriteAttributeString("max", n);
                x.WriteAttributeString("width", Widths[i].ToString(CultureInfo.InvariantCulture));
                x.WriteAttributeString("customWidth", "1");
                if (i < 3) x.WriteAttributeString("style", TextStyle);
                x.WriteEndElement();
            }
            x.WriteEndElement();

            x.WriteStartElement("sheetData", Main);
            StartRow(x, 1);
            Text(x, "A1", note, NoteStyle);
            x.WriteEndElement();
            StartRow(x, 2);
            for (var i = 0; i < headers.Count; i++)
            {
                Text(x, $"{(char)('A' + i)}2", headers[i], HeaderStyle);
            }
            x.WriteEndElement();
            var r = 3;
            foreach (var row in rows)
            {
                var n = r.ToString(CultureInfo.InvariantCulture);
                StartRow(x, r);
                Text(x, "A" + n, row.SerialAsWritten, TextStyle);
                Text(x, "B" + n, row.PlanCode, TextStyle);
                Text(x, "C" + n, row.GatewaySerial, TextStyle);
                Text(x, "D" + n, row.Reason, ReasonStyle);
                x.WriteStartElement("c", Main);
                x.WriteAttributeString("r", "E" + n);
                x.WriteElementString("v", Main, row.LineNumber.ToString(CultureInfo.InvariantCulture));
                x.WriteEndElement();
                x.WriteEndElement();
                r++;
            }
            x.WriteEndElement();

            if (planList.Count > 0)
            {
                x.WriteStartElement("dataValidations", Main);
                x.WriteAttributeString("count", "1");
                x.WriteStartElement("dataValidation", Main);
                x.WriteAttributeString("type", "list");
                x.WriteAttributeString("allowBlank", "1");
                x.WriteAttributeString("showErrorMessage", "1");
                x.WriteAttributeString("sqref", $"B3:B{r + 500}");
                x.WriteElementString("formula1", Main, listSheet ? $"Plans!$A$1:$A${planList.Count}" : inlineList);
                x.WriteEndElement();
                x.WriteEndElement();
            }
        });
    }

    private static void StartRow(XmlWriter x, int number)
    {
        x.WriteStartElement("row", Main);
        x.WriteAttributeString("r", number.ToString(CultureInfo.InvariantCulture));
    }

    private static void Text(XmlWriter x, string reference, string? value, string? style)
    {
        if (string.IsNullOrEmpty(value)) return;
        x.WriteStartElement("c", Main);
        x.WriteAttributeString("r", reference);
        if (style is not null) x.WriteAttributeString("s", style);
        x.WriteAttributeString("t", "inlineStr");
        x.WriteStartElement("is", Main);
        x.WriteStartElement("t", Main);
        if (value.Trim().Length != value.Length) x.WriteAttributeString("xml", "space", null, "preserve");
        x.WriteString(XmlSafe(value));
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndElement();
    }

    /// <summary>Control characters a user pasted into a cell are not allowed in XML.</summary>
    private static string XmlSafe(string value) =>
        value.Any(c => !XmlConvert.IsXmlChar(c)) ? new string(value.Where(XmlConvert.IsXmlChar).ToArray()) : value;

    private static void WritePart(ZipArchive zip, string path, Action<XmlWriter> body)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var x = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        x.WriteStartDocument(true);
        x.WriteStartElement("worksheet", Main);
        x.WriteAttributeString("xmlns", "r", null, RelNs);
        body(x);
        x.WriteEndElement();
        x.WriteEndDocument();
    }

    private static void Add(ZipArchive zip, string path, string content)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    private static string ContentTypes(bool listSheet) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>{(listSheet ? """<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""" : "")}</Types>""";

    private static string Workbook(string sheetName, bool listSheet)
    {
        var name = System.Security.SecurityElement.Escape(sheetName);
        var plans = listSheet ? """<sheet name="Plans" sheetId="2" state="hidden" r:id="rId3"/>""" : "";
        return $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{Main}" xmlns:r="{RelNs}"><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="{name}" sheetId="1" r:id="rId1"/>{plans}</sheets></workbook>""";
    }

    private static string WorkbookRels(bool listSheet) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PackageRels}"><Relationship Id="rId1" Type="{RelNs}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{RelNs}/styles" Target="styles.xml"/>{(listSheet ? $"""<Relationship Id="rId3" Type="{RelNs}/worksheet" Target="worksheets/sheet2.xml"/>""" : "")}</Relationships>""";

    // 0 default, 1 text (@), 2 bold header on light blue, 3 italic note, 4 red text for reasons.
    private const string Styles = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="4"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><i/><sz val="11"/><name val="Calibri"/></font><font><sz val="11"/><color rgb="FFB3261E"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE3EEF6"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";
}
