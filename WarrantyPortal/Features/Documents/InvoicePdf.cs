using SkiaSharp;
using WarrantyPortal.Domain;
using static WarrantyPortal.Features.Documents.PdfStyle;

namespace WarrantyPortal.Features.Documents;

/// <summary>
/// Renders a proforma, an invoice or a credit note as an A4 PDF, as many pages as its lines need
/// (the table header repeats on each page). Thread-safe.
/// </summary>
public sealed class InvoicePdf(DocumentAssets assets)
{
    private const float TableFont = 8.5f;
    private const float RowPadding = 6f;
    private const float LineHeight = 11.5f;
    private const float FooterTop = PageHeight - 66;
    private const float ContinuationTableTop = 112f;

    private static readonly float[] ColumnWidths = [0, 30, 68, 72, 48, 66]; // description takes the rest

    public byte[] Render(InvoiceDocument data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Validate();
        var text = new DocumentLabels(data.Culture);
        var title = TitleOf(data.Kind, text);

        return Write(assets, $"{title} {data.Number}", data.Seller.LegalName, data.IssueDate, (p, document) =>
        {
            var layout = new Layout(p, assets.Logo, data, text);
            var pages = layout.Paginate();
            for (var page = 0; page < pages.Count; page++)
            {
                p.Canvas = document.Begin();
                var y = page == 0 ? layout.DrawFirstPageHeader(title) : layout.DrawContinuationHeader(title);
                y = layout.DrawTable(y, pages[page]);
                if (page == pages.Count - 1)
                {
                    layout.DrawSummary(y + 18);
                }
                layout.DrawFooter(page + 1, pages.Count);
                document.End();
            }
        });
    }

    private static string TitleOf(InvoiceKind kind, DocumentLabels text) => kind switch
    {
        InvoiceKind.Proforma => text["ProformaTitle"],
        InvoiceKind.CreditNote => text["CreditNoteTitle"],
        _ => text["InvoiceTitle"],
    };

    private sealed class Layout(PdfPainter p, SKImage logo, InvoiceDocument data, DocumentLabels text)
    {
        private readonly float[] _columns = ComputeColumns();
        private readonly int _sign = data.Kind == InvoiceKind.CreditNote ? -1 : 1;

        private static float[] ComputeColumns()
        {
            var widths = (float[])ColumnWidths.Clone();
            widths[0] = ContentWidth - widths.Sum();
            return widths;
        }

        private Money Shown(Money m) => new(m.Minor * _sign, m.Currency);

        private float Right => PageWidth - Margin;

        private List<string> DescriptionLines(InvoiceLine line) =>
            p.Wrap(line.Description, _columns[0] - 10, TableFont);

        private float RowHeight(InvoiceLine line) => DescriptionLines(line).Count * LineHeight + 2 * RowPadding;

        /// <summary>Splits the lines into pages, leaving room for the totals after the last one.</summary>
        public List<List<InvoiceLine>> Paginate()
        {
            var pages = new List<List<InvoiceLine>> { new() };
            var y = FirstPageTableTop() + HeaderRowHeight;
            foreach (var line in data.Lines)
            {
                var h = RowHeight(line);
                if (y + h > FooterTop - 12 && pages[^1].Count > 0)
                {
                    pages.Add([]);
                    y = ContinuationTableTop + HeaderRowHeight;
                }
                pages[^1].Add(line);
                y += h;
            }
            if (y + 18 + SummaryHeight() > FooterTop - 12)
            {
                // The totals go on a page of their own rather than being cut off; move the last line with them.
                var last = pages[^1];
                if (last.Count > 1)
                {
                    var moved = last[^1];
                    last.RemoveAt(last.Count - 1);
                    pages.Add([moved]);
                }
                else
                {
                    pages.Add([]);
                }
            }
            return pages;
        }

        private const float HeaderRowHeight = 22f;

        private float FirstPageTableTop() => PartiesTop() + PartiesHeight() + (data.Kind == InvoiceKind.CreditNote ? 44 : 26);

        private float PartiesTop() => data.Kind == InvoiceKind.Proforma ? 218 : 160;

        private float PartiesHeight()
        {
            var seller = 1 + data.Seller.Address.Count + 1 + (data.Seller.RegistrationNumber is null ? 0 : 1);
            var buyer = 1 + data.Buyer.Address.Count + (data.Buyer.VatNumber is null ? 0 : 1);
            return 24 + Math.Max(seller, buyer) * 13.5f;
        }

        public float DrawFirstPageHeader(string title)
        {
            p.Logo(logo, Margin, 46, 30);
            p.Text(title.ToUpperInvariant(), Right, 66, 20, Brand, bold: true, Align.Right);

            var numberLabel = data.Kind switch
            {
                InvoiceKind.Proforma => text["ProformaNumber"],
                InvoiceKind.CreditNote => text["CreditNoteNumber"],
                _ => text["InvoiceNumber"],
            };
            var meta = new List<(string, string)>
            {
                (numberLabel, data.Number),
                (text["IssueDate"], text.Date(data.IssueDate)),
                (text["OrderNumber"], data.OrderNumber),
            };
            if (data.DueDate is { } due)
            {
                meta.Add((text["DueDate"], text.Date(due)));
            }
            var y = 90f;
            var labelX = Right - 250;
            foreach (var (label, value) in meta)
            {
                p.Text(label, labelX, y, 8.5f, Muted);
                p.Text(value, Right, y, 9, Ink, bold: true, Align.Right);
                y += 14;
            }

            if (data.Kind == InvoiceKind.Proforma)
            {
                var box = SKRect.Create(Margin, 160, ContentWidth, 40);
                p.Fill(box, WarningTint, 4);
                p.Fill(SKRect.Create(box.Left, box.Top, 4, box.Height), Warning);
                var lines = p.Wrap(text["NotATaxInvoice"], box.Width - 28, 9, bold: true);
                var ty = box.MidY - (lines.Count - 1) * 6 + 3;
                foreach (var line in lines)
                {
                    p.Text(line, box.Left + 16, ty, 9, Warning, bold: true);
                    ty += 12;
                }
            }

            DrawParties(PartiesTop());
            var tableTop = FirstPageTableTop();
            if (data.Kind == InvoiceKind.CreditNote)
            {
                var reference = data.OriginalInvoiceDate is { } original
                    ? text.Format("CreditsInvoice", data.OriginalInvoiceNumber!, text.Date(original))
                    : text.Format("CreditsInvoiceNoDate", data.OriginalInvoiceNumber!);
                p.Text(reference, Margin, tableTop - 16, 9.5f, Ink, bold: true);
            }
            return tableTop;
        }

        private void DrawParties(float top)
        {
            var half = ContentWidth / 2;
            Party(Margin, top, half - 20, text["Seller"], data.Seller.LegalName, data.Seller.Address,
                [text.Format("LabelValue", text["VatNumber"], data.Seller.VatNumber),
                 .. data.Seller.RegistrationNumber is { } reg ? new[] { text.Format("LabelValue", text["Registration"], reg) } : []]);
            Party(Margin + half + 10, top, half - 10, text["Buyer"], data.Buyer.Name, data.Buyer.Address,
                data.Buyer.VatNumber is { } vat ? [text.Format("LabelValue", text["VatNumber"], vat)] : []);
        }

        private void Party(float x, float y, float width, string label, string name, IReadOnlyList<string> address, string[] extra)
        {
            p.Text(label.ToUpperInvariant(), x, y, 7.5f, Muted, bold: true);
            p.Line(x, y + 6, x + width, y + 6, Rule);
            y += 22;
            p.Text(p.Fit(name, width, 10.5f, bold: true), x, y, 10.5f, Ink, bold: true);
            foreach (var line in address.Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                y += 13.5f;
                p.Text(p.Fit(line, width, 9), x, y, 9, Ink);
            }
            foreach (var line in extra)
            {
                y += 13.5f;
                p.Text(p.Fit(line, width, 9), x, y, 9, Muted);
            }
        }

        public float DrawContinuationHeader(string title)
        {
            p.Logo(logo, Margin, 46, 22);
            p.Text($"{title} {data.Number}", Right, 62, 11, Brand, bold: true, Align.Right);
            p.Text(text.Date(data.IssueDate), Right, 76, 8.5f, Muted, align: Align.Right);
            p.Line(Margin, 92, Right, 92, Rule);
            return ContinuationTableTop;
        }

        public float DrawTable(float top, IReadOnlyList<InvoiceLine> lines)
        {
            if (lines.Count == 0)
            {
                return top - 18;
            }
            p.Fill(SKRect.Create(Margin, top, ContentWidth, HeaderRowHeight), Tint, 3);
            string[] headers = [text["Description"], text["Quantity"], text["UnitPrice"], text["Net"], text["VatRate"], text["Vat"]];
            var x = Margin;
            for (var c = 0; c < headers.Length; c++)
            {
                if (c == 0)
                {
                    p.Text(headers[c], x + 8, top + 14.5f, 7.5f, Brand, bold: true);
                }
                else
                {
                    p.Text(headers[c], x + _columns[c] - 6, top + 14.5f, 7.5f, Brand, bold: true, Align.Right);
                }
                x += _columns[c];
            }

            var y = top + HeaderRowHeight;
            foreach (var line in lines)
            {
                var descriptionLines = DescriptionLines(line);
                var baseline = y + RowPadding + 8.5f;
                for (var i = 0; i < descriptionLines.Count; i++)
                {
                    p.Text(descriptionLines[i], Margin + 8, baseline + i * LineHeight, TableFont, Ink);
                }
                string[] cells =
                [
                    line.Quantity.ToString(text.Culture),
                    text.Amount(Shown(line.UnitNet)),
                    text.Amount(Shown(line.Net)),
                    text.Rate(line.VatRate),
                    text.Amount(Shown(line.Vat)),
                ];
                x = Margin + _columns[0];
                for (var c = 0; c < cells.Length; c++)
                {
                    x += _columns[c + 1];
                    p.Text(cells[c], x - 6, baseline, TableFont, Ink, align: Align.Right);
                }
                y += descriptionLines.Count * LineHeight + 2 * RowPadding;
                p.Line(Margin, y, Right, y, Rule, 0.5f);
            }
            return y;
        }

        private float SummaryHeight()
        {
            var rates = data.TotalsByRate().Count;
            var tables = Math.Max(26 + rates * 16, 3 * 18 + 12);
            var notes = 30f + (data.ReverseCharge ? 40 : 0) + 16 * PaymentLines().Count;
            return tables + notes;
        }

        public void DrawSummary(float top)
        {
            // VAT per rate on the left.
            var leftWidth = ContentWidth * 0.5f;
            p.Text(text["VatSummary"].ToUpperInvariant(), Margin, top + 8, 7.5f, Muted, bold: true);
            var col = new[] { Margin + 60, Margin + 60 + 95, Margin + leftWidth };
            var y = top + 24;
            p.Text(text["VatRate"], Margin, y, 8, Muted);
            p.Text(text["NetAmount"], col[1], y, 8, Muted, align: Align.Right);
            p.Text(text["VatAmount"], col[2], y, 8, Muted, align: Align.Right);
            p.Line(Margin, y + 5, Margin + leftWidth, y + 5, Rule, 0.5f);
            foreach (var rate in data.TotalsByRate())
            {
                y += 16;
                p.Text(text.Rate(rate.Rate), Margin, y, TableFont, Ink);
                p.Text(text.Amount(Shown(rate.Net)), col[1], y, TableFont, Ink, align: Align.Right);
                p.Text(text.Amount(Shown(rate.Vat)), col[2], y, TableFont, Ink, align: Align.Right);
            }
            var leftBottom = y + 10;

            // Totals on the right.
            var tx = Margin + ContentWidth * 0.58f;
            var ty = top + 8;
            p.Text(text["TotalNet"], tx, ty, 9, Muted);
            p.Text(text.Amount(Shown(data.TotalNet)), Right, ty, 9, Ink, align: Align.Right);
            ty += 18;
            p.Text(text["TotalVat"], tx, ty, 9, Muted);
            p.Text(text.Amount(Shown(data.TotalVat)), Right, ty, 9, Ink, align: Align.Right);
            ty += 12;
            var totalKey = data.Kind switch
            {
                InvoiceKind.Proforma => "ProformaTotal",
                InvoiceKind.CreditNote => "CreditTotal",
                _ => "InvoiceTotal",
            };
            var box = new SKRect(tx - 10, ty, Right, ty + 30);
            p.Fill(box, Brand, 4);
            p.Text(text.Format(totalKey, data.Currency.ToUpperInvariant()), tx, ty + 19.5f, 10, SKColors.White, bold: true);
            p.Text(text.Amount(Shown(data.Total)), Right - 10, ty + 19.5f, 11, SKColors.White, bold: true, Align.Right);

            y = Math.Max(leftBottom, box.Bottom) + 24;
            if (data.ReverseCharge)
            {
                var notice = SKRect.Create(Margin, y - 12, ContentWidth, 30);
                p.Stroke(notice, Accent, 1, 4);
                p.Text(p.Fit(text["ReverseCharge"], notice.Width - 24, 9, bold: true), Margin + 12, y + 6.5f, 9, Ink, bold: true);
                y += 40;
            }
            var payment = PaymentLines();
            if (payment.Count > 0)
            {
                p.Text(text["Payment"].ToUpperInvariant(), Margin, y, 7.5f, Muted, bold: true);
                foreach (var line in payment)
                {
                    y += 15;
                    p.Text(p.Fit(line, ContentWidth, 9), Margin, y, 9, Ink);
                }
            }
        }

        private List<string> PaymentLines()
        {
            var lines = new List<string>();
            if (data.Payment is { } paid)
            {
                lines.Add(text.Format(data.Kind == InvoiceKind.CreditNote ? "RefundedWith" : "PaidWith", paid.Method, text.Date(paid.Date)));
            }
            else if (data.Kind == InvoiceKind.Proforma)
            {
                lines.Add(data.DueDate is { } due
                    ? text.Format("PayBy", text.Date(due), data.OrderNumber)
                    : text.Format("PayQuoting", data.OrderNumber));
                if (!string.IsNullOrWhiteSpace(data.Seller.Iban))
                {
                    lines.Add(text.Format("BankDetails", data.Seller.Iban, data.Seller.Bic ?? ""));
                }
            }
            return lines;
        }

        public void DrawFooter(int page, int pages)
        {
            p.Line(Margin, FooterTop, Right, FooterTop, Rule);
            var seller = data.Seller;
            var first = string.Join(" · ", new[] { seller.LegalName, string.Join(", ", seller.Address), $"{text["VatNumber"]} {seller.VatNumber}" });
            var second = string.Join(" · ", new[] { seller.RegistrationNumber, seller.Email, seller.Website }.Where(s => !string.IsNullOrWhiteSpace(s)));
            var width = ContentWidth - 70;
            p.Text(p.Fit(first, width, 7.5f), Margin, FooterTop + 16, 7.5f, Muted);
            if (second.Length > 0)
            {
                p.Text(p.Fit(second!, width, 7.5f), Margin, FooterTop + 27, 7.5f, Muted);
            }
            p.Text(text.Format("PageOf", page, pages), Right, FooterTop + 16, 7.5f, Muted, align: Align.Right);
        }
    }
}
