using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.Documents;
using WarrantyPortal.Features.Fulfilment;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Fulfilment;

/// <summary>Fulfilment wired by hand on a real database: a micro-inverter fleet, a 20-year plan, a buyer, another customer and an admin.</summary>
public sealed class FulfilmentHarness : IDisposable
{
    public const string Alice = "user-alice";
    public const string Bob = "user-bob";
    public const string AdminId = "user-admin";
    public const string PlanCode = "MI-20";
    public static readonly DateOnly BaseStart = new(2025, 3, 1);

    private int _nextSerial;

    public FulfilmentHarness(string provider = TestProviders.Sqlite)
    {
        Db = new TestDatabase(provider);
        using (var db = Db.CreateDbContext())
        {
            db.Users.AddRange(User(Alice, "alice@example.test", "Alice Buyer", "fr"), User(Bob, "bob@example.test", "Bob Other", "en"),
                User(AdminId, "admin@example.test", "Ada Admin", "en"));
            db.Plans.Add(new Plan
            {
                Code = PlanCode, NameEn = "Extension to 20 years", NameFr = "Extension à 20 ans", Family = ProductFamily.MicroInverter,
                TermKind = TermKind.ExtendTotalTo, TermYears = 20, CreatedAtUtc = Clock.GetUtcNow().UtcDateTime,
            });
            db.SaveChanges();
        }
        Registry = new EmbeddedDeviceRegistry(Db, Clock);
        Service = NewService(Registry);
        var portal = Options.Create(new PortalOptions { PublicBaseUrl = "https://portal.example.test" });
        var assets = DocumentAssets.Load();
        Documents = new OrderDocuments(Db, new CertificatePdf(assets), new InvoicePdf(assets), Options.Create(Seller), portal, Text);
        Invoices = new InvoiceService(Db, Clock);
        Verification = new CertificateVerification(Db, Clock);
    }

    public TestDatabase Db { get; }
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 6, 21, 9, 50, 0, TimeSpan.Zero));
    public EmbeddedDeviceRegistry Registry { get; }
    public FulfilmentService Service { get; }
    public OrderDocuments Documents { get; }
    public InvoiceService Invoices { get; }
    public CertificateVerification Verification { get; }
    public OrderChangeNotifier Notifier { get; } = new(NullLogger<OrderChangeNotifier>.Instance);

    public static SellerOptions Seller => new()
    {
        LegalName = "Solar Care SAS", Address = ["1 avenue du Midi", "13001 Marseille", "France"], VatNumber = "FR12345678901",
    };

    public static IStringLocalizer<FulfilmentText> Text { get; } = new StringLocalizer<FulfilmentText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    /// <summary>A second worker (or instance) on the same database.</summary>
    public FulfilmentService NewService(IDeviceRegistry registry) => new(Db, registry, new EmailOutbox(new OutboxSignal(), Clock),
        new FulfilmentEmails(new EmailComposer(Options.Create(new PortalOptions())), Text, Options.Create(new PortalOptions { PublicBaseUrl = "https://portal.example.test" })),
        Notifier, Clock, NullLogger<FulfilmentService>.Instance);

    /// <summary>Adds <paramref name="count"/> micro inverters to the registry and returns their serial numbers.</summary>
    public List<string> AddDevices(int count)
    {
        var serials = Enumerable.Range(0, count).Select(_ => $"7020{Interlocked.Increment(ref _nextSerial):00000000}").ToList();
        using var db = Db.CreateDbContext();
        db.Devices.AddRange(serials.Select(s => new Device
        {
            SerialNumber = s, Model = "DS3-H", Family = ProductFamily.MicroInverter, RatedPowerW = 880,
            ProductionDate = BaseStart.AddMonths(-2), CommissioningDate = BaseStart, BaseWarrantyStart = BaseStart,
            BaseWarrantyEnd = WarrantyYears.EndOfTerm(BaseStart, 12), CountryCode = "FR", UpdatedAtUtc = Clock.GetUtcNow().UtcDateTime,
        }));
        db.SaveChanges();
        return serials;
    }

    /// <summary>Places, approves and pays an order for <paramref name="count"/> new devices directly in the database.</summary>
    public async Task<Order> PaidOrderAsync(int count, string userId = Alice, long unitPriceMinor = 99_99, bool byTransfer = false, bool reverseCharge = false)
    {
        var serials = AddDevices(count);
        await using var db = Db.CreateDbContext();
        var now = Clock.GetUtcNow().UtcDateTime;
        var buyer = new BuyerSnapshot
        {
            FullName = "Alice Buyer", Country = "FR", Email = "alice@example.test", PayerKind = PayerKind.Person, PayerName = "Alice Buyer",
            TaxId = reverseCharge ? "DE123456789" : null,
            InstallationAddress = new PostalAddress { Line1 = "3 rue du Soleil", PostalCode = "69001", City = "Lyon", Country = "FR" },
        };
        var lines = serials.Select(s => new OrderLine(s, "DS3-H", "Micro inverter DS3-H", PlanCode, "Extension to 20 years",
            120_00, unitPriceMinor, reverseCharge ? 0 : 2000));
        var order = Order.CreateDraft(userId, buyer, "EUR", reverseCharge, lines, null, true, OrderActor.System, now);
        var number = OrderNumber.Format(new DateOnly(2026, 6, 21), Interlocked.Increment(ref _orders));
        order.Submit(number, OrderActor.System, now);
        order.Approve(OrderActor.System, now);
        if (byTransfer) order.MarkAwaitingTransfer(OrderActor.System, now);
        order.MarkPaid(OrderActor.System, now);
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    public async Task<Order> ApprovedOrderAsync(int count)
    {
        var serials = AddDevices(count);
        await using var db = Db.CreateDbContext();
        var now = Clock.GetUtcNow().UtcDateTime;
        var buyer = new BuyerSnapshot
        {
            FullName = "Alice Buyer", Country = "FR", Email = "alice@example.test", PayerName = "Alice Buyer",
            InstallationAddress = new PostalAddress { Line1 = "3 rue du Soleil", PostalCode = "69001", City = "Lyon", Country = "FR" },
        };
        var order = Order.CreateDraft(Alice, buyer, "EUR", false,
            serials.Select(s => new OrderLine(s, "DS3-H", "Micro inverter DS3-H", PlanCode, "Extension to 20 years", 120_00, 99_99, 2000)),
            null, true, OrderActor.System, now);
        order.Submit(OrderNumber.Format(new DateOnly(2026, 6, 21), Interlocked.Increment(ref _orders)), OrderActor.System, now);
        order.Approve(OrderActor.System, now);
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    private int _orders;

    public static ClaimsPrincipal Principal(string userId, bool admin = false)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId) };
        if (admin) claims.Add(new Claim(ClaimTypes.Role, Roles.Admin));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static ApplicationUser User(string id, string email, string name, string culture) => new()
    {
        Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
        FullName = name, PreferredCulture = culture, EmailConfirmed = true,
    };

    public void Dispose() => Db.Dispose();
}

/// <summary>A registry that stops answering after a number of writes, like a worker killed midway.</summary>
public sealed class FailingRegistry(IDeviceRegistry inner, int writesBeforeFailure) : IDeviceRegistry
{
    private int _writes;

    public Task<DeviceRecord?> FindAsync(SerialNumber serialNumber, CancellationToken ct = default) => inner.FindAsync(serialNumber, ct);

    public Task<IReadOnlyDictionary<SerialNumber, DeviceRecord>> FindManyAsync(IReadOnlyCollection<SerialNumber> serialNumbers, CancellationToken ct = default) =>
        inner.FindManyAsync(serialNumbers, ct);

    public Task<bool> RecordExtensionAsync(SerialNumber serialNumber, CoverageExtension extension, CancellationToken ct = default) =>
        Interlocked.Increment(ref _writes) > writesBeforeFailure
            ? throw new RegistryUnavailableException("registry down")
            : inner.RecordExtensionAsync(serialNumber, extension, ct);
}

/// <summary>A registry whose writes wait until released: a worker (or instance) that stalls in the middle of an order.</summary>
public sealed class StalledRegistry(IDeviceRegistry inner) : IDeviceRegistry
{
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<DeviceRecord?> FindAsync(SerialNumber serialNumber, CancellationToken ct = default) => inner.FindAsync(serialNumber, ct);

    public Task<IReadOnlyDictionary<SerialNumber, DeviceRecord>> FindManyAsync(IReadOnlyCollection<SerialNumber> serialNumbers, CancellationToken ct = default) =>
        inner.FindManyAsync(serialNumbers, ct);

    public async Task<bool> RecordExtensionAsync(SerialNumber serialNumber, CoverageExtension extension, CancellationToken ct = default)
    {
        Reached.TrySetResult();
        await Release.Task.WaitAsync(ct);
        return await inner.RecordExtensionAsync(serialNumber, extension, ct);
    }
}
