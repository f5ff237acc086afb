using System.Globalization;
using System.Xml.Linq;
using WarrantyPortal.Domain.Catalog;

namespace WarrantyPortal.Features.Admin.Orders;

/// <summary>An order as XML for accounting and the manufacturer's systems: amounts in minor units with their currency.</summary>
public static class OrderXml
{
    public static XDocument Build(AdminOrderDetails d)
    {
        var o = d.Order;
        var b = o.Buyer;
        static string Iso(DateTime? t) => t?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "";
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("order",
                new XAttribute("number", o.Number), new XAttribute("status", o.Status), new XAttribute("currency", o.Currency),
                new XElement("submittedAt", Iso(o.SubmittedAtUtc)),
                new XElement("auditedAt", Iso(o.AuditedAtUtc)),
                new XElement("paidAt", Iso(o.PaidAtUtc)),
                new XElement("paymentMethod", o.PaymentMethod?.ToString() ?? ""),
                new XElement("buyer",
                    new XElement("name", b.FullName), new XElement("email", b.Email), new XElement("phone", b.Phone),
                    new XElement("country", b.Country), new XElement("payerKind", b.PayerKind), new XElement("payerName", b.PayerName),
                    new XElement("taxId", b.TaxId ?? ""),
                    new XElement("installationAddress", b.InstallationAddress.OneLine()),
                    new XElement("billingAddress", b.BillingAddress.OneLine())),
                VatCheck(o.VatCheck, Iso),
                new XElement("lines", d.Lines.Select(l => new XElement("line",
                    new XAttribute("serialNumber", l.Line.SerialNumber),
                    new XElement("model", l.Line.ProductModel),
                    new XElement("plan", new XAttribute("code", l.PlanCode), l.Line.PlanName),
                    new XElement("standardUnitPriceMinor", l.Line.StandardUnitPrice.Minor),
                    new XElement("settlementUnitPriceMinor", l.Line.UnitPrice.Minor),
                    new XElement("vatRateBasisPoints", l.Line.VatRateBasisPoints)))),
                new XElement("totals",
                    new XAttribute("reverseCharge", o.ReverseCharge),
                    new XElement("standardMinor", o.Totals.StandardTotal.Minor),
                    new XElement("subtotalMinor", o.Totals.Subtotal.Minor),
                    new XElement("vatMinor", o.Totals.VatTotal.Minor),
                    new XElement("totalMinor", o.Totals.Total.Minor)),
                new XElement("history", o.History.Select(h => new XElement("change",
                    new XAttribute("at", Iso(h.AtUtc)), new XAttribute("to", h.To), new XAttribute("by", h.ActorName), h.Remark ?? ""))),
                new XElement("transfers", d.Transfers.Select(w => new XElement("transfer",
                    new XAttribute("receivedOn", w.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    new XAttribute("reference", w.BankReference), new XAttribute("amountMinor", w.AmountMinor),
                    new XAttribute("currency", w.Currency), new XAttribute("mismatch", w.Mismatch))))));
    }

    /// <summary>What VIES answered about the buyer's VAT number when the order was placed: the evidence for the VAT charged.</summary>
    private static XElement? VatCheck(VatVerification? v, Func<DateTime?, string> iso) => v is null ? null :
        new XElement("vatCheck",
            new XAttribute("outcome", v.Outcome), new XAttribute("checkedAt", iso(v.CheckedAtUtc)),
            new XElement("vatNumber", v.VatNumber),
            new XElement("traderName", v.Name ?? ""),
            new XElement("traderAddress", v.Address ?? ""),
            new XElement("consultationNumber", v.ConsultationNumber ?? ""));
}
