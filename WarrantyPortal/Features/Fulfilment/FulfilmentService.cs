using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Registry;

namespace WarrantyPortal.Features.Fulfilment;

/// <summary>
/// Fulfils paid orders: issues the invoice, a certificate per device, writes each extension to the registry, then
/// completes the order and emails the buyer. Every step checks what is already done, so a run killed midway finishes on
/// the next one without duplicates; the work is claimed per order, so parallel workers never do an order twice.
/// </summary>
public sealed class FulfilmentService(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    IDeviceRegistry registry,
    EmailOutbox outbox,
    FulfilmentEmails emails,
    OrderChangeNotifier notifier,
    TimeProvider clock,
    ILogger<FulfilmentService> logger,
    IOptions<FulfilmentOptions>? options = null)
{
    /// <summary>Certificates issued per transaction: keeps each write short so pages stay quick during a large order.</summary>
    public const int BatchSize = 200;

    private readonly TimeSpan _lease = TimeSpan.FromSeconds(Math.Max(5, (options?.Value ?? new FulfilmentOptions()).LeaseSeconds));

    private readonly string _workerId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Fulfils every paid order that is due; returns how many orders were completed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await EnlistPaidOrdersAsync(ct);
        var completed = 0;
        while (await ClaimNextAsync(ct) is { } orderId)
        {
            try
            {
                if (await FulfilAsync(orderId, ct)) completed++;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                await RecordFailureAsync(orderId, ex, ct);
            }
        }
        return completed;
    }

    /// <summary>Adds a work row for each paid order that has none (the order may have been marked paid by anyone).</summary>
    private async Task EnlistPaidOrdersAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var missing = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Paid && !db.OrderFulfilments.Any(f => f.OrderId == o.Id))
            .OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Number })
            .Take(100)
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var o in missing)
        {
            await using var insert = await dbFactory.CreateDbContextAsync(ct);
            insert.OrderFulfilments.Add(new OrderFulfilment { OrderId = o.Id, OrderNumber = o.Number ?? "", CreatedAtUtc = now, NextAttemptAtUtc = now });
            try
            {
                await insert.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another worker enlisted it first.
            }
        }
    }

    private async Task<Guid?> ClaimNextAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.OrderFulfilments.AsNoTracking()
            .Where(f => f.CompletedAtUtc == null && f.NextAttemptAtUtc <= now && (f.ClaimedUntilUtc == null || f.ClaimedUntilUtc < now))
            .OrderBy(f => f.CreatedAtUtc)
            .Select(f => f.OrderId)
            .Take(10)
            .ToListAsync(ct);
        foreach (var id in due)
        {
            // The conditional update is the claim: only one worker sees a row affected.
            var rows = await db.OrderFulfilments
                .Where(f => f.OrderId == id && f.CompletedAtUtc == null && (f.ClaimedUntilUtc == null || f.ClaimedUntilUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.ClaimedBy, _workerId).SetProperty(f => f.ClaimedUntilUtc, now + _lease), ct);
            if (rows == 1) return id;
        }
        return null;
    }

    private async Task RenewAsync(Guid orderId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var until = clock.GetUtcNow().UtcDateTime + _lease;
        var rows = await db.OrderFulfilments.Where(f => f.OrderId == orderId && f.ClaimedBy == _workerId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ClaimedUntilUtc, until), ct);
        if (rows != 1) throw new InvalidOperationException($"The claim on order {orderId} was lost.");
    }

    private async Task<bool> FulfilAsync(Guid orderId, CancellationToken ct)
    {
        // The claim is renewed before every step: a worker that lost it (paused past its lease while another instance
        // took the order over) stops here instead of writing beside the new owner.
        await IssueInvoiceAsync(orderId, ct);
        do
        {
            await RenewAsync(orderId, ct);
        }
        while (await IssueCertificateBatchAsync(orderId, ct) > 0);
        do
        {
            await RenewAsync(orderId, ct);
        }
        while (await RecordExtensionBatchAsync(orderId, ct) > 0);
        return await CompleteAsync(orderId, ct);
    }

    private async Task IssueInvoiceAsync(Guid orderId, CancellationToken ct)
    {
        await using var check = await dbFactory.CreateDbContextAsync(ct);
        if (await check.Invoices.AnyAsync(i => i.OrderId == orderId && i.Kind == Documents.InvoiceKind.Invoice, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await DocumentNumbers.EnsureAsync(dbFactory, DocumentNumbers.Invoice, now.Year, ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = (await DocumentNumbers.NextAsync(db, DocumentNumbers.Invoice, now.Year, 1, ct))[0];
        var order = await db.Orders.AsNoTracking().Include(o => o.History).SingleAsync(o => o.Id == orderId, ct);
        db.Invoices.Add(InvoiceRows.ForPayment(order, number, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Issued invoice {Invoice} for order {Order}", number, order.Number);
    }

    /// <summary>Issues certificates for up to <see cref="BatchSize"/> lines that have none yet; returns how many.</summary>
    private async Task<int> IssueCertificateBatchAsync(Guid orderId, CancellationToken ct)
    {
        List<OrderLine> lines;
        Order header;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            header = await read.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, ct);
            lines = await read.OrderLines.AsNoTracking()
                .Where(l => l.OrderId == orderId && !read.Certificates.Any(c => c.OrderId == orderId && c.OrderLineId == l.Id))
                .OrderBy(l => l.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
        }
        if (lines.Count == 0) return 0;

        var serials = lines.Select(l => SerialNumber.FromTrusted(l.SerialNumber)).ToList();
        var devices = await registry.FindManyAsync(serials, ct);
        var terms = await TermsAsync(lines.Select(l => l.PlanCode).Distinct().ToList(), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var holder = string.IsNullOrWhiteSpace(header.Buyer.PayerName) ? header.Buyer.FullName : header.Buyer.PayerName;
        var address = string.Join('\n', AddressLines(header.Buyer.InstallationAddress.IsComplete ? header.Buyer.InstallationAddress : header.Buyer.BillingAddress));

        var certificates = new List<Certificate>(lines.Count);
        foreach (var line in lines)
        {
            if (!devices.TryGetValue(SerialNumber.FromTrusted(line.SerialNumber), out var device))
            {
                throw new InvalidOperationException($"Device {line.SerialNumber} of order {header.Number} is not in the registry.");
            }
            if (!terms.TryGetValue(line.PlanCode, out var term))
            {
                throw new InvalidOperationException($"Plan {line.PlanCode} of order {header.Number} is not in the catalogue.");
            }
            // Leave out what this order already recorded, so a retried batch computes the same dates.
            var before = device with { Extensions = device.Extensions.Where(e => e.OrderNumber != header.Number).ToList() };
            certificates.Add(new Certificate
            {
                Number = "",
                OrderId = orderId,
                OrderNumber = header.Number!,
                OrderLineId = line.Id,
                SerialNumber = line.SerialNumber,
                Model = device.Model,
                HolderName = holder,
                InstallationAddress = address,
                BaseWarrantyStart = device.BaseWarrantyStart,
                BaseWarrantyEnd = device.BaseWarrantyEnd,
                CoverageStart = before.CoverageEnd.AddDays(1),
                NewWarrantyEnd = term.NewEnd(before),
                PlanCode = line.PlanCode,
                PlanName = line.PlanName,
                IssueDate = today,
                Status = CertificateStatus.Valid,
            });
        }

        await DocumentNumbers.EnsureAsync(dbFactory, DocumentNumbers.Certificate, today.Year, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var numbers = await DocumentNumbers.NextAsync(db, DocumentNumbers.Certificate, today.Year, certificates.Count, ct);
        for (var i = 0; i < certificates.Count; i++) certificates[i].Number = numbers[i];
        db.Certificates.AddRange(certificates);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return certificates.Count;
    }

    /// <summary>Sends up to <see cref="BatchSize"/> issued extensions to the registry; returns how many were accepted.</summary>
    private async Task<int> RecordExtensionBatchAsync(Guid orderId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.Certificates.AsNoTracking()
            .Where(c => c.OrderId == orderId && c.RegistryRecordedAtUtc == null)
            .OrderBy(c => c.Id)
            .Take(BatchSize)
            .Select(c => new { c.Id, c.SerialNumber, c.PlanCode, c.CoverageStart, c.NewWarrantyEnd, c.OrderNumber, c.Number })
            .ToListAsync(ct);
        if (pending.Count == 0) return 0;
        var accepted = new List<long>(pending.Count);
        foreach (var c in pending)
        {
            var known = await registry.RecordExtensionAsync(SerialNumber.FromTrusted(c.SerialNumber),
                new CoverageExtension(c.PlanCode, c.CoverageStart, c.NewWarrantyEnd, c.OrderNumber, c.Number), ct);
            if (!known) throw new InvalidOperationException($"The registry no longer knows device {c.SerialNumber}.");
            accepted.Add(c.Id);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Certificates.Where(c => accepted.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.RegistryRecordedAtUtc, now), ct);
        return accepted.Count;
    }

    private async Task<bool> CompleteAsync(Guid orderId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Orders.Include(o => o.History).SingleAsync(o => o.Id == orderId, ct);
        var work = await db.OrderFulfilments.SingleAsync(f => f.OrderId == orderId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var lineCount = await db.OrderLines.CountAsync(l => l.OrderId == orderId, ct);
        var done = await db.Certificates.CountAsync(c => c.OrderId == orderId && c.RegistryRecordedAtUtc != null, ct);
        if (done < lineCount) throw new InvalidOperationException($"Order {order.Number}: {done} of {lineCount} devices are done.");

        var completedNow = false;
        if (order.Status == OrderStatus.Paid)
        {
            order.Complete(OrderActor.System, now, $"{lineCount} certificate(s) issued");
            var certificates = await db.Certificates.AsNoTracking().Where(c => c.OrderId == orderId)
                .OrderBy(c => c.Id).Select(c => new CertificateLink(c.Number, c.SerialNumber)).Take(FulfilmentEmails.MaxListed + 1).ToListAsync(ct);
            var culture = await db.Users.Where(u => u.Id == order.CustomerUserId).Select(u => u.PreferredCulture).SingleOrDefaultAsync(ct) ?? "en";
            outbox.Add(db, emails.Completed(order, certificates, lineCount, culture));
            completedNow = true;
        }
        work.CompletedAtUtc = now;
        work.ClaimedBy = null;
        work.ClaimedUntilUtc = null;
        work.LastError = null;
        await db.SaveChangesAsync(ct);
        if (completedNow)
        {
            notifier.Publish(orderId);
            logger.LogInformation("Order {Order} completed: {Count} certificate(s)", order.Number, lineCount);
        }
        return completedNow;
    }

    private async Task RecordFailureAsync(Guid orderId, Exception ex, CancellationToken ct)
    {
        logger.LogError(ex, "Fulfilling order {OrderId} failed; it will be retried", orderId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var work = await db.OrderFulfilments.SingleAsync(f => f.OrderId == orderId, ct);
        // Only the claim holder records the failure and lets go: a worker that lost its claim leaves the new owner's alone.
        if (work.ClaimedBy != _workerId) return;
        var attempts = work.Attempts + 1;
        var error = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
        var next = clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, Math.Min(attempts - 1, 10))));
        await db.OrderFulfilments.Where(f => f.OrderId == orderId && f.ClaimedBy == _workerId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Attempts, attempts).SetProperty(f => f.LastError, error)
                .SetProperty(f => f.NextAttemptAtUtc, next).SetProperty(f => f.ClaimedBy, (string?)null)
                .SetProperty(f => f.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
    }

    private async Task<Dictionary<string, TermRule>> TermsAsync(List<string> planCodes, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plans = await db.Plans.AsNoTracking().Where(p => planCodes.Contains(p.Code))
            .Select(p => new { p.Code, p.TermKind, p.TermYears }).ToListAsync(ct);
        return plans.ToDictionary(p => p.Code, p => new TermRule(p.TermKind, p.TermYears), StringComparer.OrdinalIgnoreCase);
    }

    internal static IEnumerable<string> AddressLines(PostalAddress a) =>
        new[] { a.Line1, a.Line2, $"{a.PostalCode} {a.City}".Trim(), CountryList.Name(a.Country) }.Where(s => !string.IsNullOrWhiteSpace(s))!;
}

public sealed record CertificateLink(string Number, string SerialNumber);
