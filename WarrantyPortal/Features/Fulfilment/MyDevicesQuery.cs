using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Eligibility;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Registry;

namespace WarrantyPortal.Features.Fulfilment;

public enum DeviceGroup
{
    /// <summary>An extension can still be bought.</summary>
    Extendable,

    /// <summary>Cover ends within <see cref="MyDevicesQuery.ExpiringWithinDays"/> days.</summary>
    ExpiringSoon,

    /// <summary>An extension is on an order not yet completed (awaiting audit, payment or its certificate).</summary>
    OnOrder,
    Covered,
}

/// <summary>One of the account's devices with its coverage; <paramref name="ExtendUntil"/> is the last day to buy an extension.</summary>
public sealed record MyDevice(string SerialNumber, string Model, ProductFamily Family, DateOnly CoverageEnd, bool Extended,
    string? CertificateNumber, DeviceGroup Group, DateOnly? ExtendUntil);

/// <summary>The devices an account has ordered cover for, with their coverage as the registry reports it now.</summary>
public sealed class MyDevicesQuery(IDbContextFactory<ApplicationDbContext> dbFactory, IDeviceRegistry registry, TimeProvider clock)
{
    public const int ExpiringWithinDays = 90;

    private static readonly OrderStatus[] Placed =
        [OrderStatus.Submitted, OrderStatus.Approved, OrderStatus.AwaitingTransfer, OrderStatus.Paid, OrderStatus.Completed,
         OrderStatus.Rejected, OrderStatus.Cancelled, OrderStatus.Expired];

    private static readonly OrderStatus[] Open = [OrderStatus.Submitted, OrderStatus.Approved, OrderStatus.AwaitingTransfer, OrderStatus.Paid];

    public async Task<IReadOnlyList<MyDevice>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lines = await (from l in db.OrderLines
                           join o in db.Orders on l.OrderId equals o.Id
                           where o.CustomerUserId == userId && Placed.Contains(o.Status)
                           select new { l.SerialNumber, o.Status }).ToListAsync(ct);
        var inOpenOrder = lines.Where(l => Open.Contains(l.Status)).Select(l => l.SerialNumber).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var serials = lines.Select(l => l.SerialNumber).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(s => SerialNumber.TryParse(s, out var sn) ? sn : (SerialNumber?)null).OfType<SerialNumber>().ToList();
        var devices = await registry.FindManyAsync(serials, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return devices.Values
            .Select(d => ToView(d, today, inOpenOrder.Contains(d.SerialNumber.Value)))
            .OrderBy(d => d.Group).ThenBy(d => d.ExtendUntil ?? d.CoverageEnd).ThenBy(d => d.SerialNumber, StringComparer.Ordinal)
            .ToList();
    }

    public static MyDevice ToView(DeviceRecord d, DateOnly today, bool inOpenOrder)
    {
        var refusal = EligibilityRule.CheckDevice(d.SerialNumber.Value, d, today, inOpenOrder);
        var group = refusal is null ? DeviceGroup.Extendable
            : inOpenOrder ? DeviceGroup.OnOrder
            : d.CoverageEnd >= today && d.CoverageEnd <= today.AddDays(ExpiringWithinDays) ? DeviceGroup.ExpiringSoon
            : DeviceGroup.Covered;
        var extendUntil = refusal is null ? FamilyPolicy.For(d.Family).Window.LastDay(d) : (DateOnly?)null;
        return new MyDevice(d.SerialNumber.Value, d.Model, d.Family, d.CoverageEnd, d.HasExtension,
            d.Extensions.LastOrDefault()?.CertificateNumber, group, extendUntil);
    }

    /// <summary>The purchase page prefilled with these devices.</summary>
    public static string ExtendUrl(IEnumerable<string> serialNumbers) =>
        "/buy?" + string.Join("&", serialNumbers.Select(s => "sn=" + Uri.EscapeDataString(s)));
}
