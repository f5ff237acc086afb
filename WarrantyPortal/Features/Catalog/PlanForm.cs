using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Features.Catalog;

/// <summary>The plan editor's model: prices in major units (24.00), lists as comma-separated text.</summary>
public sealed class PlanForm
{
    public static readonly string[] PriceCurrencies = ["EUR", "USD", "GBP", "CNY", "AUD"];

    public int? Id { get; set; }

    public string Code { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string NameFr { get; set; } = "";

    public ProductFamily Family { get; set; } = ProductFamily.MicroInverter;

    public TermKind TermKind { get; set; } = TermKind.ExtendTotalTo;

    public int TermYears { get; set; } = 20;

    public string Models { get; set; } = "";

    public string Countries { get; set; } = "";

    public Dictionary<string, decimal?> Prices { get; set; } = PriceCurrencies.ToDictionary(c => c, _ => (decimal?)null);

    public bool Retired { get; set; }

    public static PlanForm From(Plan plan) => new()
    {
        Id = plan.Id,
        Code = plan.Code,
        NameEn = plan.NameEn,
        NameFr = plan.NameFr,
        Family = plan.Family,
        TermKind = plan.TermKind,
        TermYears = plan.TermYears,
        Models = plan.Models.Replace(",", ", ", StringComparison.Ordinal),
        Countries = plan.Countries.Replace(",", ", ", StringComparison.Ordinal),
        Prices = PriceCurrencies.ToDictionary(c => c, c => plan.Prices.FirstOrDefault(p => p.Currency == c) is { } p ? (decimal?)new Money(p.NetMinor, c).Amount : null),
        Retired = plan.RetiredAtUtc is not null,
    };
}

/// <summary>A problem with one field of the form: the field's name and the key of its message in CatalogText.</summary>
public sealed record FormProblem(string Field, string MessageKey, object[] Args);
