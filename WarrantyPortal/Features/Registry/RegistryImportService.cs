using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Features.Registry;

public sealed record RejectedRow(long Line, string SerialNumber, string Reason);

/// <summary>What an import did. <see cref="Rejected"/> lists the first rejected rows; <see cref="RejectedCount"/> counts them all.</summary>
public sealed record RegistryImportResult(long Rows, int Inserted, int Updated, long RejectedCount, IReadOnlyList<RejectedRow> Rejected, string? FileProblem)
{
    public bool Succeeded => FileProblem is null;
}

/// <summary>
/// Imports a registry file into the embedded registry: new serial numbers are inserted, known ones updated (their coverage
/// history is kept), bad rows reported with their line. The file is streamed and written in batches, so its size does not matter.
/// </summary>
public sealed class RegistryImportService(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock)
{
    public const int BatchSize = 5_000;
    public const int MaxListedRejections = 1_000;

    public async Task<RegistryImportResult> ImportAsync(Stream csv, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var writer = await DeviceBulkWriter.OpenAsync(db, clock, ct);
        var rejected = new List<RejectedRow>();
        long rows = 0, rejectedCount = 0;
        int inserted = 0, updated = 0;
        var batch = new List<DeviceRecord>(BatchSize);

        async Task FlushAsync()
        {
            var (i, u) = await writer.WriteAsync(batch, ct);
            inserted += i;
            updated += u;
            batch.Clear();
            progress?.Report(rows);
        }

        try
        {
            await foreach (var row in RegistryCsv.ReadAsync(csv, ct))
            {
                rows++;
                if (row.Device is { } device)
                {
                    batch.Add(device);
                    if (batch.Count == BatchSize) await FlushAsync();
                }
                else
                {
                    rejectedCount++;
                    if (rejected.Count < MaxListedRejections) rejected.Add(new RejectedRow(row.Line, row.SerialNumber, row.Problem!));
                }
            }
        }
        catch (RegistryCsv.FileProblemException e)
        {
            return new RegistryImportResult(rows, inserted, updated, rejectedCount, rejected, e.Message);
        }
        catch (CsvHelper.CsvFormatException e)
        {
            await FlushAsync();
            return new RegistryImportResult(rows, inserted, updated, rejectedCount, rejected, $"The file stops being readable CSV after {rows} rows: {e.Message}");
        }
        await FlushAsync();
        return new RegistryImportResult(rows, inserted, updated, rejectedCount, rejected, null);
    }

    /// <summary>Writes the whole embedded registry in the import format, reading it in order without loading it all.</summary>
    public async Task ExportAsync(Stream output, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var devices = db.Devices.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => new DeviceRecord(SerialNumber.FromTrusted(d.SerialNumber), d.Model, d.Family, d.RatedPowerW, d.ProductionDate,
                d.CommissioningDate, d.BaseWarrantyStart, d.BaseWarrantyEnd, d.CountryCode, d.GatewaySerialNumber, Array.Empty<CoverageExtension>()))
            .AsAsyncEnumerable();
        await RegistryCsv.WriteAsync(output, devices, ct);
    }
}
