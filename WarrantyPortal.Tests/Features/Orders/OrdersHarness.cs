using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Orders;

/// <summary>The order services wired by hand on a real SQLite file, with two customers and an admin.</summary>
public sealed class OrdersHarness : IDisposable
{
    public const string Alice = "user-alice";
    public const string Bob = "user-bob";
    public const string AdminId = "user-admin";

    public OrdersHarness(string provider = TestProviders.Sqlite)
    {
        Db = new TestDatabase(provider);
        using (var db = Db.CreateDbContext())
        {
            db.Users.AddRange(
                User(Alice, "alice@example.test", "Alice Buyer", "fr"),
                User(Bob, "bob@example.test", "Bob Buyer", "en"),
                User(AdminId, "admin@example.test", "Ada Admin", "en"));
            db.Roles.Add(new IdentityRole(Roles.Admin) { Id = "role-admin", NormalizedName = "ADMIN" });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = AdminId, RoleId = "role-admin" });
            db.SaveChanges();
        }
        var localizer = TestLocalizer.For<OrderText>();
        Localizer = localizer;
        var emails = new OrderEmails(new EmailComposer(Options.Create(new PortalOptions())), localizer,
            Options.Create(new PortalOptions()), Options.Create(new MailOptions()));
        var outbox = new EmailOutbox(new OutboxSignal(), Clock);
        Drafts = new PurchaseDraftService(Db, Clock);
        Submission = new OrderSubmissionService(Db, Pricer, new OrderNumberAllocator(Db), outbox, emails, Notifier, localizer, Clock,
            NullLogger<OrderSubmissionService>.Instance);
        Query = new OrderQuery(Db);
        Customer = new CustomerOrderService(Db, Drafts, outbox, emails, Notifier, Clock);
    }

    public TestDatabase Db { get; }
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 6, 21, 9, 50, 0, TimeSpan.Zero));
    public TestPricer Pricer { get; } = new();
    public OrderChangeNotifier Notifier { get; } = new(NullLogger<OrderChangeNotifier>.Instance);
    public IStringLocalizer<OrderText> Localizer { get; }
    public PurchaseDraftService Drafts { get; }
    public OrderSubmissionService Submission { get; }
    public OrderQuery Query { get; }
    public CustomerOrderService Customer { get; }

    public static BuyerSnapshot Buyer(string name = "Alice Buyer", string? taxId = null) => new()
    {
        FullName = name,
        Country = "FR",
        Phone = "+33 1 23 45 67 89",
        Email = "alice@example.test",
        PayerKind = taxId is null ? PayerKind.Person : PayerKind.Company,
        PayerName = name,
        TaxId = taxId,
        InstallationAddress = new PostalAddress { Line1 = "3 rue du Soleil", PostalCode = "69001", City = "Lyon", Country = "FR" },
    };

    public OrderDraft Draft(params string[] serials) => new(Buyer(), "EUR",
        serials.Select(s => Pricer.Price(s)).ToList(), false, "Call before noon", ConsentToImmediateStart: true);

    /// <summary>Submits a one-line order for <paramref name="userId"/> and returns its number.</summary>
    public async Task<string> PlaceAsync(string userId, string serial)
    {
        var result = await Submission.SubmitAsync(userId, Draft(serial));
        Assert.Equal(SubmitOutcome.Submitted, result.Outcome);
        return result.OrderNumber!;
    }

    private static ApplicationUser User(string id, string email, string name, string culture) => new()
    {
        Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
        FullName = name, PreferredCulture = culture, EmailConfirmed = true,
    };

    public void Dispose() => Db.Dispose();
}

/// <summary>A catalogue the test controls: every serial is priced 100.00 € net at 20 % unless told otherwise.</summary>
public sealed class TestPricer : IOrderPricer
{
    public Dictionary<string, string> Refusals { get; } = new(StringComparer.OrdinalIgnoreCase);
    public long UnitPriceMinor { get; set; } = 100_00;
    public int Calls;

    public PricedLine Price(string serial) =>
        new(serial, "HYD 5KTL", "5 kW hybrid inverter", "EXT5", "+5 years", 120_00, UnitPriceMinor, 2000);

    public Task<OrderPricing> PriceAsync(OrderPricingRequest request, CancellationToken ct)
    {
        Interlocked.Increment(ref Calls);
        var refused = request.Items.Where(i => Refusals.ContainsKey(i.SerialNumber)).Select(i => new RefusedLine(i.SerialNumber, Refusals[i.SerialNumber])).ToList();
        var priced = request.Items.Where(i => !Refusals.ContainsKey(i.SerialNumber)).Select(i => Price(i.SerialNumber)).ToList();
        var reverse = !string.IsNullOrEmpty(request.TaxId) && request.Country != "FR";
        return Task.FromResult(new OrderPricing(reverse ? priced.Select(p => p with { VatRateBasisPoints = 0 }).ToList() : priced, refused, reverse));
    }
}
