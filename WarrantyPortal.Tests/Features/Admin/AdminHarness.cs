using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin;
using WarrantyPortal.Features.Admin.Audit;
using WarrantyPortal.Features.Admin.Orders;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Tests.Features.Orders;

namespace WarrantyPortal.Tests.Features.Admin;

/// <summary>The back office's order services on a real SQLite file, with orders written straight through the domain.</summary>
public sealed class AdminHarness : IDisposable
{
    public static readonly AdminActor Ada = new(OrdersHarness.AdminId, "Ada Admin");
    public static readonly AdminActor Max = new("user-max", "Max Admin");
    private int _sequence;

    public AdminHarness(string provider = TestSupport.TestProviders.Sqlite)
    {
        Orders = new OrdersHarness(provider);
        Factory = new CountingFactory(Orders.Db);
        var t = new StringLocalizer<AdminText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
        var emails = new AdminOrderEmails(new EmailComposer(Options.Create(new PortalOptions())), t, Options.Create(new PortalOptions()));
        Query = new OrderAuditQuery(Factory);
        Service = new OrderAdminService(Factory, new EmailOutbox(new OutboxSignal(), Orders.Clock), emails, Orders.Notifier, Orders.Clock);
    }

    public OrdersHarness Orders { get; }
    public CountingFactory Factory { get; }
    public OrderAuditQuery Query { get; }
    public OrderAdminService Service { get; }

    /// <summary>Writes a submitted order (then moves it to <paramref name="status"/>) and returns it as saved.</summary>
    public async Task<Order> AddAsync(string name = "Alice Buyer", string? company = null, string country = "FR", string currency = "EUR",
        long unitMinor = 100_00, OrderStatus status = OrderStatus.Submitted, DateTime? submittedAt = null, string? email = null, PaymentMethod? method = null, params string[] serials)
    {
        var n = Interlocked.Increment(ref _sequence);
        var at = submittedAt ?? new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc).AddHours(n);
        var buyer = OrdersHarness.Buyer(name, company is null ? null : "FR40303265045") with
        {
            Country = country,
            Email = email ?? $"{name.Split(' ')[0].ToLowerInvariant()}@example.test",
            PayerName = company ?? name,
        };
        var lines = (serials.Length == 0 ? [$"SN-{n:D5}"] : serials)
            .Select(s => new OrderLine(s, "HYD 5KTL", "5 kW hybrid inverter", "EXT5", "+5 years", 120_00, unitMinor, 2000)).ToList();
        var order = Order.CreateDraft(OrdersHarness.Alice, buyer, currency, false, lines, null, true, OrderActor.Customer(OrdersHarness.Alice, name), at);
        order.Submit($"WE20260601{n:D4}", OrderActor.Customer(OrdersHarness.Alice, name), at);
        var admin = OrderActor.Admin(OrdersHarness.AdminId, "Ada Admin");
        switch (status)
        {
            case OrderStatus.Approved:
                order.Approve(admin, at.AddHours(1));
                if (method is { } chosen) order.ChoosePaymentMethod(chosen);
                break;
            case OrderStatus.AwaitingTransfer: order.Approve(admin, at.AddHours(1)); order.MarkAwaitingTransfer(admin, at.AddHours(2)); break;
            case OrderStatus.Paid: order.Approve(admin, at.AddHours(1)); order.MarkPaid(admin, at.AddHours(2), null, method); break;
            case OrderStatus.Rejected: order.Reject(admin, at.AddHours(1), "No"); break;
            case OrderStatus.Cancelled: order.Cancel(admin, at.AddHours(1), "Duplicate"); break;
        }
        await using var db = Orders.Db.CreateDbContext();
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    public async Task<Order> ReloadAsync(Guid id)
    {
        await using var db = Orders.Db.CreateDbContext();
        return await db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == id);
    }

    public OrderRef Ref(Order o) => new(o.Id, o.Version);

    public void Dispose() => Orders.Dispose();
}

/// <summary>A context factory over the test database that counts the SQL commands its contexts run.</summary>
public sealed class CountingFactory(TestSupport.TestDatabase db) : IDbContextFactory<ApplicationDbContext>
{
    private readonly CommandCounter _counter = new();

    public int Commands => _counter.Count;

    public void Reset() => _counter.Count = 0;

    public ApplicationDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<ApplicationDbContext>(db.Options).AddInterceptors(_counter).Options);

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
