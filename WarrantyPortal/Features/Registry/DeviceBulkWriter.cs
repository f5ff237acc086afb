using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Features.Registry;

/// <summary>
/// Writes many devices fast: one prepared INSERT … ON CONFLICT (serial number) DO UPDATE per row, a transaction per batch.
/// The statement is standard SQL understood by SQLite and PostgreSQL. Coverage history is never touched here.
/// </summary>
public sealed class DeviceBulkWriter : IAsyncDisposable
{
    private const int LookupChunk = 500;
    private readonly ApplicationDbContext _db;
    private readonly DbConnection _connection;
    private readonly TimeProvider _clock;
    private DbCommand? _upsert;

    private DeviceBulkWriter(ApplicationDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
        _connection = db.Database.GetDbConnection();
    }

    public static async Task<DeviceBulkWriter> OpenAsync(ApplicationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (db.Database.IsSqlite())
        {
            // With the WAL journal, NORMAL still never corrupts the file; it only skips an fsync per commit.
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct);
        }
        return new DeviceBulkWriter(db, clock);
    }

    /// <summary>Inserts new devices and updates known ones in one transaction; returns how many were new.</summary>
    public async Task<(int Inserted, int Updated)> WriteAsync(IReadOnlyList<DeviceRecord> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return (0, 0);
        await using var tx = await _connection.BeginTransactionAsync(ct);
        var known = await ExistingAsync(batch.Select(d => d.SerialNumber.Value).Distinct().ToList(), tx, ct);
        var upsert = Upsert(tx);
        var now = _clock.GetUtcNow().UtcDateTime;
        var inserted = 0;
        foreach (var d in batch)
        {
            var p = upsert.Parameters;
            p[0].Value = d.SerialNumber.Value;
            p[1].Value = d.Model;
            p[2].Value = d.Family.ToString();
            p[3].Value = d.RatedPowerW;
            p[4].Value = d.ProductionDate;
            p[5].Value = d.CommissioningDate is { } c ? c : DBNull.Value;
            p[6].Value = d.BaseWarrantyStart;
            p[7].Value = d.BaseWarrantyEnd;
            p[8].Value = d.CountryCode;
            p[9].Value = (object?)d.GatewaySerialNumber ?? DBNull.Value;
            p[10].Value = now;
            await upsert.ExecuteNonQueryAsync(ct);
            if (known.Add(d.SerialNumber.Value)) inserted++;
        }
        await tx.CommitAsync(ct);
        return (inserted, batch.Count - inserted);
    }

    private DbCommand Upsert(DbTransaction tx)
    {
        if (_upsert is null)
        {
            _upsert = _connection.CreateCommand();
            _upsert.CommandText = """
                INSERT INTO "Devices" ("SerialNumber", "Model", "Family", "RatedPowerW", "ProductionDate", "CommissioningDate",
                    "BaseWarrantyStart", "BaseWarrantyEnd", "CountryCode", "GatewaySerialNumber", "UpdatedAtUtc")
                VALUES (@sn, @model, @family, @power, @produced, @commissioned, @start, @end, @country, @gateway, @updated)
                ON CONFLICT ("SerialNumber") DO UPDATE SET
                    "Model" = excluded."Model", "Family" = excluded."Family", "RatedPowerW" = excluded."RatedPowerW",
                    "ProductionDate" = excluded."ProductionDate", "CommissioningDate" = excluded."CommissioningDate",
                    "BaseWarrantyStart" = excluded."BaseWarrantyStart", "BaseWarrantyEnd" = excluded."BaseWarrantyEnd",
                    "CountryCode" = excluded."CountryCode", "GatewaySerialNumber" = excluded."GatewaySerialNumber",
                    "UpdatedAtUtc" = excluded."UpdatedAtUtc"
                """;
            foreach (var name in new[] { "sn", "model", "family", "power", "produced", "commissioned", "start", "end", "country", "gateway", "updated" })
            {
                var p = _upsert.CreateParameter();
                p.ParameterName = "@" + name;
                _upsert.Parameters.Add(p);
            }
        }
        _upsert.Transaction = tx;
        return _upsert;
    }

    private async Task<HashSet<string>> ExistingAsync(List<string> serials, DbTransaction tx, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in serials.Chunk(LookupChunk))
        {
            await using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = names[i] = "@s" + i;
                p.Value = chunk[i];
                cmd.Parameters.Add(p);
            }
            cmd.CommandText = $"""SELECT "SerialNumber" FROM "Devices" WHERE "SerialNumber" IN ({string.Join(",", names)})""";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) found.Add(reader.GetString(0));
        }
        return found;
    }

    public async ValueTask DisposeAsync()
    {
        if (_upsert is not null) await _upsert.DisposeAsync();
        await _db.Database.CloseConnectionAsync();
    }
}
