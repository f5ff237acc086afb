using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Admin.Orders;

/// <summary>The grid's filter and sort as a query string, so an export link carries exactly what the admin sees.</summary>
public sealed record OrderAuditCriteria(OrderAuditFilter Filter, OrderAuditSort Sort = OrderAuditSort.SubmittedAt, bool Descending = true)
{
    public string ToQueryString()
    {
        var f = Filter;
        var pairs = new Dictionary<string, string?>
        {
            ["number"] = f.Number,
            ["status"] = f.Status?.ToString(),
            ["from"] = f.SubmittedFromUtc?.ToString("o", CultureInfo.InvariantCulture),
            ["to"] = f.SubmittedToUtc?.ToString("o", CultureInfo.InvariantCulture),
            ["customer"] = f.Customer,
            ["company"] = f.Company,
            ["country"] = f.Country,
            ["currency"] = f.Currency,
            ["method"] = f.PaymentMethod?.ToString(),
            ["min"] = f.TotalFromMinor?.ToString(CultureInfo.InvariantCulture),
            ["max"] = f.TotalToMinor?.ToString(CultureInfo.InvariantCulture),
            ["serial"] = f.SerialNumber,
            ["sort"] = Sort.ToString(),
            ["desc"] = Descending ? "1" : "0",
        };
        return QueryHelpers.AddQueryString("", pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
    }

    public static OrderAuditCriteria From(IQueryCollection q)
    {
        string? S(string k) => q.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        long? L(string k) => long.TryParse(S(k), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        DateTime? D(string k) => DateTime.TryParse(S(k), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
            ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null;
        var filter = new OrderAuditFilter
        {
            Number = S("number"),
            Status = Enum.TryParse<OrderStatus>(S("status"), true, out var st) ? st : null,
            SubmittedFromUtc = D("from"),
            SubmittedToUtc = D("to"),
            Customer = S("customer"),
            Company = S("company"),
            Country = S("country"),
            Currency = S("currency"),
            PaymentMethod = Enum.TryParse<PaymentMethod>(S("method"), true, out var pm) && Enum.IsDefined(pm) ? pm : null,
            TotalFromMinor = L("min"),
            TotalToMinor = L("max"),
            SerialNumber = S("serial"),
        };
        var sort = Enum.TryParse<OrderAuditSort>(S("sort"), true, out var so) ? so : OrderAuditSort.SubmittedAt;
        return new OrderAuditCriteria(filter, sort, S("desc") != "0");
    }
}
