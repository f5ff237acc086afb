using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Catalog;

namespace WarrantyPortal.Features.Catalog;

public sealed record PlanRow(int Id, string Code, string NameEn, string NameFr, Domain.Registry.ProductFamily Family, TermKind TermKind, int TermYears,
    string Models, string Countries, IReadOnlyList<Money> Prices, DateTime? RetiredAtUtc);

/// <summary>The back office's plan and price maintenance. Plans are never deleted: retiring keeps them on the orders that bought them.</summary>
public sealed class PlanAdminService(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<PlanRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plans = await db.Plans.AsNoTracking().Include(p => p.Prices).OrderBy(p => p.RetiredAtUtc != null).ThenBy(p => p.Family).ThenBy(p => p.Code).ToListAsync(ct);
        return plans.Select(p => new PlanRow(p.Id, p.Code, p.NameEn, p.NameFr, p.Family, p.TermKind, p.TermYears, p.Models, p.Countries,
            p.Prices.OrderBy(x => Array.IndexOf(PlanForm.PriceCurrencies, x.Currency)).Select(x => new Money(x.NetMinor, x.Currency)).ToList(), p.RetiredAtUtc)).ToList();
    }

    public async Task<PlanForm?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking().Include(p => p.Prices).FirstOrDefaultAsync(p => p.Id == id, ct);
        return plan is null ? null : PlanForm.From(plan);
    }

    /// <summary>Creates or updates the plan; returns the problems instead when the form is not valid (nothing is saved then).</summary>
    public async Task<(int? Id, IReadOnlyList<FormProblem> Problems)> SaveAsync(PlanForm form, CancellationToken ct = default)
    {
        var problems = Validate(form);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = form.Code.Trim().ToUpperInvariant();
        if (code.Length > 0 && await db.Plans.AnyAsync(p => p.Code == code && p.Id != (form.Id ?? 0), ct))
        {
            problems.Add(new FormProblem(nameof(form.Code), "Plan_CodeTaken", [code]));
        }
        if (problems.Count > 0) return (null, problems);

        Plan? plan;
        if (form.Id is { } id)
        {
            plan = await db.Plans.Include(p => p.Prices).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (plan is null) return (null, [new FormProblem(nameof(form.Code), "Plan_NotFound", [])]);
        }
        else
        {
            plan = new Plan { Code = code, NameEn = "", NameFr = "", CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.Plans.Add(plan);
        }
        plan.Code = code;
        plan.NameEn = form.NameEn.Trim();
        plan.NameFr = form.NameFr.Trim();
        plan.Family = form.Family;
        plan.TermKind = form.TermKind;
        plan.TermYears = form.TermYears;
        plan.Models = Plan.JoinList(form.Models.Split(','));
        plan.Countries = Plan.JoinList(form.Countries.Split(','), upper: true);
        foreach (var currency in PlanForm.PriceCurrencies)
        {
            var existing = plan.Prices.FirstOrDefault(p => p.Currency == currency);
            if (form.Prices.GetValueOrDefault(currency) is { } amount)
            {
                var minor = Money.FromDecimal(amount, currency).Minor;
                if (existing is null) plan.Prices.Add(new PlanPrice { Currency = currency, NetMinor = minor });
                else existing.NetMinor = minor;
            }
            else if (existing is not null)
            {
                plan.Prices.Remove(existing);
            }
        }
        await db.SaveChangesAsync(ct);
        return (plan.Id, []);
    }

    /// <summary>Takes the plan off sale (or puts it back); orders that bought it keep it.</summary>
    public async Task<bool> SetRetiredAsync(int id, bool retired, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return false;
        plan.RetiredAtUtc = retired ? plan.RetiredAtUtc ?? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static List<FormProblem> Validate(PlanForm form)
    {
        var problems = new List<FormProblem>();
        var code = form.Code.Trim();
        if (code.Length is 0 or > 32 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            problems.Add(new FormProblem(nameof(form.Code), "Plan_CodeInvalid", []));
        }
        if (form.NameEn.Trim().Length is 0 or > 120) problems.Add(new FormProblem(nameof(form.NameEn), "Plan_NameRequired", []));
        if (form.NameFr.Trim().Length is 0 or > 120) problems.Add(new FormProblem(nameof(form.NameFr), "Plan_NameRequired", []));
        if (form.TermYears is < 1 or > 30) problems.Add(new FormProblem(nameof(form.TermYears), "Plan_YearsRange", []));
        var unknown = form.Countries.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(c => Domain.Catalog.Countries.Find(c) is null).ToList();
        if (unknown.Count > 0) problems.Add(new FormProblem(nameof(form.Countries), "Plan_CountriesUnknown", [string.Join(", ", unknown)]));
        if (form.Models.Length > 500) problems.Add(new FormProblem(nameof(form.Models), "Plan_ModelsTooLong", []));
        foreach (var (currency, amount) in form.Prices)
        {
            if (amount is < 0 or > 1_000_000) problems.Add(new FormProblem("Price_" + currency, "Plan_PriceRange", [currency]));
        }
        if (form.Prices.Values.All(p => p is null)) problems.Add(new FormProblem("Price_EUR", "Plan_PriceRequired", []));
        return problems;
    }
}
