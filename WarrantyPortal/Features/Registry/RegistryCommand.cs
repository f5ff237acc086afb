using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;

namespace WarrantyPortal.Features.Registry;

/// <summary>
/// <c>dotnet run --project WarrantyPortal -- registry import devices.csv</c> and <c>… registry export out.csv</c>:
/// the same import and export as the back office, run before (instead of) the web host.
/// </summary>
public static class RegistryCommand
{
    /// <summary>Runs the command when the arguments ask for one; false means "start the web app as usual".</summary>
    public static async Task<bool> TryRunRegistryCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "registry") return false;
        var (verb, path) = (args.ElementAtOrDefault(1), args.ElementAtOrDefault(2));
        if (verb is not ("import" or "export") || string.IsNullOrWhiteSpace(path))
        {
            Console.Error.WriteLine("Usage: registry import <devices.csv> | registry export <out.csv>");
            Environment.ExitCode = 64;
            return true;
        }

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }
        var service = app.Services.GetRequiredService<RegistryImportService>();
        var watch = Stopwatch.StartNew();
        if (verb == "export")
        {
            await using var output = File.Create(path);
            await service.ExportAsync(output);
            Console.WriteLine($"Exported the registry to {Path.GetFullPath(path)} in {watch.Elapsed.TotalSeconds:F1} s.");
            return true;
        }

        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"There is no file {Path.GetFullPath(path)}.");
            Environment.ExitCode = 66;
            return true;
        }
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var result = await service.ImportAsync(input, new ConsoleProgress());
        foreach (var r in result.Rejected) Console.WriteLine($"  line {r.Line}: {r.SerialNumber}: {r.Reason}");
        if (result.RejectedCount > result.Rejected.Count) Console.WriteLine($"  … and {result.RejectedCount - result.Rejected.Count:N0} more rejected rows.");
        if (result.FileProblem is not null) Console.Error.WriteLine(result.FileProblem);
        Console.WriteLine($"Read {result.Rows:N0} rows in {watch.Elapsed.TotalSeconds:F1} s: {result.Inserted:N0} new devices, {result.Updated:N0} updated, {result.RejectedCount:N0} rejected.");
        Environment.ExitCode = result.FileProblem is not null ? 65 : result.RejectedCount > 0 ? 2 : 0;
        return true;
    }

    private sealed class ConsoleProgress : IProgress<long>
    {
        private long _next = 100_000;

        public void Report(long rows)
        {
            if (rows < _next) return;
            Console.WriteLine($"  {rows:N0} rows…");
            _next = (rows / 100_000 + 1) * 100_000;
        }
    }
}
