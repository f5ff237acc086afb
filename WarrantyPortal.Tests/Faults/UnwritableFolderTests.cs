using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Faults;

/// <summary>
/// Certificates and invoices are rendered from the database on each download and never written to disk; what the portal
/// writes to a folder is the outgoing mail when no SMTP server is configured. That folder not writable: the emails wait
/// in the outbox, and are written once it is writable again, each once.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UnwritableFolderTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly ManualClock _clock = new();
    private readonly string _mail;

    public UnwritableFolderTests()
    {
        _mail = Path.Combine(_db.Folder, "mail");
        Directory.CreateDirectory(_mail);
    }

    [Fact]
    public async Task PickupFolder_NotWritableThenWritable_EmailKeptThenWrittenOnce()
    {
        var options = Options.Create(new MailOptions { PickupDirectory = _mail, RetryBaseSeconds = 10 });
        var transport = new PickupFolderMailTransport(options, new HostingEnvironment { ContentRootPath = _db.Folder });
        var worker = new OutboxDeliveryWorker(_db, transport, new OutboxSignal(), options, _clock, new WorkerHealth(_clock), NullLogger<OutboxDeliveryWorker>.Instance);
        long id;
        await using (var db = _db.CreateDbContext())
        {
            var composer = new EmailComposer(Options.Create(new PortalOptions()));
            id = new EmailOutbox(new OutboxSignal(), _clock).Add(db, composer.Compose("test", "ana@example.com", "Ana", "en", "Your certificate", ["Attached."])).Id;
            await db.SaveChangesAsync();
            id = db.OutboxMessages.Single().Id;
        }

        using (ReadOnlyFolder.Lock(_mail))
        {
            Assert.Equal(1, await worker.DeliverNextBatchAsync(CancellationToken.None));
        }

        await using (var db = _db.CreateDbContext())
        {
            var kept = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
            Assert.Equal(OutboxStatus.Pending, kept.Status);
            Assert.Equal(1, kept.Attempts);
            Assert.False(string.IsNullOrEmpty(kept.LastError));
        }
        Assert.Empty(Directory.GetFiles(_mail));

        _clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(1, await worker.DeliverNextBatchAsync(CancellationToken.None));
        Assert.Equal(0, await worker.DeliverNextBatchAsync(CancellationToken.None));

        var written = Assert.Single(Directory.GetFiles(_mail));
        Assert.EndsWith(".eml", written);
        Assert.Contains("Your certificate", await File.ReadAllTextAsync(written));
        await using var check = _db.CreateDbContext();
        Assert.Equal(OutboxStatus.Sent, (await check.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id)).Status);
    }

    public void Dispose() => _db.Dispose();
}

/// <summary>
/// Makes a folder refuse new files for as long as it is held: mode 0555 and, for root (who ignores modes), the immutable
/// attribute. Refuses to pretend: throws if a probe file can still be written.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyFolder : IDisposable
{
    private readonly string _path;

    private ReadOnlyFolder(string path) => _path = path;

    public static ReadOnlyFolder Lock(string path)
    {
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (Environment.UserName == "root") Run("chattr", "+i", path);
        var probe = Path.Combine(path, ".probe");
        try
        {
            File.WriteAllText(probe, "x");
        }
        catch (UnauthorizedAccessException)
        {
            return new ReadOnlyFolder(path);
        }
        catch (IOException)
        {
            return new ReadOnlyFolder(path);
        }
        File.Delete(probe);
        new ReadOnlyFolder(path).Dispose();
        throw new InvalidOperationException($"Could not make {path} read-only on this machine (chattr missing?).");
    }

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(info)!;
            p.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // chattr is not installed: the probe decides.
        }
    }

    public void Dispose()
    {
        if (Environment.UserName == "root") Run("chattr", "-i", _path);
        File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
