using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;

namespace WarrantyPortal.Features.Registry;

/// <summary>Fills an empty embedded registry with the demo fleet (about 5,200 devices in well under a second).</summary>
public sealed class RegistryDemoSeeder(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock, ILogger<RegistryDemoSeeder> logger) : IDemoSeeder
{
    public int Order => 20;

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Devices.AnyAsync(ct)) return;
        var started = clock.GetTimestamp();
        var fleet = DemoFleet.Build(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await using (var writer = await DeviceBulkWriter.OpenAsync(db, clock, ct))
        {
            foreach (var batch in fleet.Chunk(2_000)) await writer.WriteAsync(batch, ct);
        }

        var extended = fleet.Where(d => d.HasExtension).ToList();
        var ids = new Dictionary<string, long>();
        foreach (var chunk in extended.Select(d => d.SerialNumber.Value).Chunk(EmbeddedDeviceRegistry.BatchSize))
        {
            foreach (var row in await db.Devices.Where(d => chunk.Contains(d.SerialNumber)).Select(d => new { d.Id, d.SerialNumber }).ToListAsync(ct))
            {
                ids[row.SerialNumber] = row.Id;
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.DeviceExtensions.AddRange(extended.SelectMany(d => d.Extensions.Select(e => new DeviceExtension
        {
            DeviceId = ids[d.SerialNumber.Value],
            PlanCode = e.PlanCode,
            StartDate = e.Start,
            EndDate = e.End,
            OrderNumber = e.OrderNumber,
            CertificateNumber = e.CertificateNumber,
            RecordedAtUtc = now,
        })));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Devices} demo devices ({Extended} with an extension) in {Elapsed} ms",
            fleet.Count, extended.Count, (int)clock.GetElapsedTime(started).TotalMilliseconds);
    }
}
