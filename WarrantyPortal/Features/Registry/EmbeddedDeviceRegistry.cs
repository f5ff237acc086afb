using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Features.Registry;

/// <summary>The registry in the portal's own database.</summary>
public sealed class EmbeddedDeviceRegistry(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock) : IDeviceRegistry
{
    /// <summary>Serial numbers per query: small enough for any provider's parameter limit.</summary>
    public const int BatchSize = 500;

    private static readonly System.Linq.Expressions.Expression<Func<Device, DeviceRow>> Project = d => new DeviceRow(
        d.SerialNumber, d.Model, d.Family, d.RatedPowerW, d.ProductionDate, d.CommissioningDate, d.BaseWarrantyStart, d.BaseWarrantyEnd,
        d.CountryCode, d.GatewaySerialNumber,
        d.Extensions.OrderBy(e => e.StartDate).Select(e => new CoverageExtension(e.PlanCode, e.StartDate, e.EndDate, e.OrderNumber, e.CertificateNumber)).ToList());

    private static readonly Func<ApplicationDbContext, string, CancellationToken, Task<DeviceRow?>> FindOne =
        EF.CompileAsyncQuery((ApplicationDbContext db, string sn, CancellationToken _) =>
            db.Devices.AsNoTracking().Where(d => d.SerialNumber == sn).Select(Project).FirstOrDefault());

    public async Task<DeviceRecord?> FindAsync(SerialNumber serialNumber, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await FindOne(db, serialNumber.Value, ct))?.ToRecord();
    }

    public async Task<IReadOnlyDictionary<SerialNumber, DeviceRecord>> FindManyAsync(IReadOnlyCollection<SerialNumber> serialNumbers, CancellationToken ct = default)
    {
        var result = new Dictionary<SerialNumber, DeviceRecord>(serialNumbers.Count);
        if (serialNumbers.Count == 0) return result;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var chunk in serialNumbers.Select(s => s.Value).Distinct().Chunk(BatchSize))
        {
            var rows = await db.Devices.AsNoTracking().Where(d => chunk.Contains(d.SerialNumber)).Select(Project).ToListAsync(ct);
            foreach (var row in rows)
            {
                var record = row.ToRecord();
                result[record.SerialNumber] = record;
            }
        }
        return result;
    }

    public async Task<bool> RecordExtensionAsync(SerialNumber serialNumber, CoverageExtension extension, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deviceId = await db.Devices.Where(d => d.SerialNumber == serialNumber.Value).Select(d => (long?)d.Id).FirstOrDefaultAsync(ct);
        if (deviceId is null) return false;
        var already = await db.DeviceExtensions.AnyAsync(e => e.DeviceId == deviceId && e.OrderNumber == extension.OrderNumber && e.PlanCode == extension.PlanCode, ct);
        if (already) return true;
        db.DeviceExtensions.Add(new DeviceExtension
        {
            DeviceId = deviceId.Value,
            PlanCode = extension.PlanCode,
            StartDate = extension.Start,
            EndDate = extension.End,
            OrderNumber = extension.OrderNumber,
            CertificateNumber = extension.CertificateNumber,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    internal sealed record DeviceRow(
        string SerialNumber, string Model, ProductFamily Family, int RatedPowerW, DateOnly ProductionDate, DateOnly? CommissioningDate,
        DateOnly BaseWarrantyStart, DateOnly BaseWarrantyEnd, string CountryCode, string? GatewaySerialNumber, List<CoverageExtension> Extensions)
    {
        public DeviceRecord ToRecord() => new(
            Domain.Registry.SerialNumber.FromTrusted(SerialNumber), Model, Family, RatedPowerW, ProductionDate, CommissioningDate,
            BaseWarrantyStart, BaseWarrantyEnd, CountryCode, GatewaySerialNumber, Extensions);
    }
}
