using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Purchase;
using WarrantyPortal.Features.Vies;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Tests.Features.Purchase;
using WarrantyPortal.Tests.TestSupport;
using Behaviour = WarrantyPortal.Tests.TestSupport.FakeVies.Behaviour;

namespace WarrantyPortal.Tests.Features.Vies;

/// <summary>
/// A German business buying from the French seller, with VIES (on loopback) deciding whether the VAT moves to it,
/// and the order keeping VIES's answer and its time.
/// </summary>
public sealed class ViesPurchaseTests : IAsyncLifetime
{
    private readonly RegistryFixture _fx = new();
    private FakeVies _vies = default!;
    private ServiceProvider _services = default!;
    private PurchaseService _purchase = default!;

    public async Task InitializeAsync()
    {
        _vies = await FakeVies.StartAsync();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vies:BaseUrl"] = _vies.BaseUrl,
            ["Vies:Timeout"] = "00:00:20",
            // Each test changes what VIES says: nothing is reused between calls.
            ["Vies:CacheDuration"] = "00:00:00",
            ["Vies:UnavailableCacheDuration"] = "00:00:00",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_fx.Clock).AddVies(config, true).BuildServiceProvider();
        var vies = _services.GetRequiredService<IVatNumberChecker>();

        var db = _fx.Database;
        var orderText = TestLocalizer.For<OrderText>();
        var emails = new OrderEmails(new EmailComposer(Options.Create(new PortalOptions())), orderText, Options.Create(new PortalOptions()), Options.Create(new MailOptions()));
        var submission = new OrderSubmissionService(db, PurchaseTestData.Pricer(_fx, vies), new OrderNumberAllocator(db), new EmailOutbox(new OutboxSignal(), _fx.Clock),
            emails, new OrderChangeNotifier(NullLogger<OrderChangeNotifier>.Instance), orderText, _fx.Clock, NullLogger<OrderSubmissionService>.Instance);
        _purchase = new PurchaseService(new PurchaseQuoter(_fx.Eligibility(new OpenOrderLookup(db)), vies), new PurchaseDraftService(db, _fx.Clock),
            new WarrantyPortal.Features.Accounts.AddressBook(db, _fx.Clock), new BuyerDirectory(db), submission, TestLocalizer.For<WarrantyPortal.Domain.Eligibility.EligibilityText>(), _fx.Clock);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _vies.DisposeAsync();
        _fx.Dispose();
    }

    private async Task<(string UserId, PurchaseForm Form)> BusinessFormAsync(string vatNumber)
    {
        var userId = PurchaseTestData.AddUser(_fx, country: "DE");
        var form = await _purchase.OpenAsync(userId, null);
        form.PayerKind = PayerKind.Company;
        form.PayerName = "Sonnenstrom GmbH";
        form.TaxId = vatNumber;
        form.Line1 = "Sonnenallee 12";
        form.PostalCode = "12045";
        form.City = "Berlin";
        form.Lines.Clear();
        form.Lines.Add(new ProductLine { SerialNumber = "702000100001", PlanCode = "MI-TO20" });
        await _purchase.RefreshAsync(form);
        return (userId, form);
    }

    private async Task<Order> OrderAsync(string number)
    {
        await using var db = _fx.Database.CreateDbContext();
        return await db.Orders.AsNoTracking().SingleAsync(o => o.Number == number);
    }

    [Fact]
    public async Task SubmitAsync_ViesConfirmsTheNumber_ReverseChargeAndTheAnswerKeptWithTheOrder()
    {
        var (userId, form) = await BusinessFormAsync("DE811128135");
        Assert.True(form.ReverseCharge);
        Assert.Equal(VatCheckOutcome.Valid, form.TaxIdCheck?.Outcome);
        _fx.Clock.Advance(TimeSpan.FromMinutes(7));

        var result = await _purchase.SubmitAsync(userId, form);

        Assert.Equal(SubmitOutcome.Submitted, result.Outcome);
        var order = await OrderAsync(result.OrderNumber!);
        Assert.True(order.ReverseCharge);
        Assert.Equal(0, order.VatMinor);
        var check = Assert.IsType<VatVerification>(order.VatCheck);
        Assert.Equal((VatCheckOutcome.Valid, "DE811128135", "Sonnenstrom GmbH"), (check.Outcome, check.VatNumber, check.Name));
        Assert.Equal(_fx.Clock.GetUtcNow().UtcDateTime, check.CheckedAtUtc);
    }

    [Fact]
    public async Task RefreshAsync_ViesSaysNotRegistered_BuyerToldAndVatCharged()
    {
        var (userId, form) = await BusinessFormAsync("DE999999999");

        Assert.True(form.TaxIdAccepted);
        Assert.True(form.TaxIdNotRegistered);
        Assert.False(form.ReverseCharge);
        Assert.True(form.Totals.VatTotal.Minor > 0);

        var result = await _purchase.SubmitAsync(userId, form);

        Assert.Equal(SubmitOutcome.Submitted, result.Outcome);
        var order = await OrderAsync(result.OrderNumber!);
        Assert.False(order.ReverseCharge);
        Assert.True(order.VatMinor > 0);
        Assert.Equal(VatCheckOutcome.Invalid, order.VatCheck?.Outcome);
    }

    [Theory]
    [InlineData(Behaviour.ServerError)]
    [InlineData(Behaviour.Garbage)]
    public async Task SubmitAsync_ViesDown_FormatCheckStandsAndTheOrderIsRecordedUnverified(Behaviour behaviour)
    {
        _vies.Mode = behaviour;
        var (userId, form) = await BusinessFormAsync("DE811128135");
        Assert.True(form.ReverseCharge);
        Assert.False(form.TaxIdNotRegistered);

        var result = await _purchase.SubmitAsync(userId, form);

        Assert.Equal(SubmitOutcome.Submitted, result.Outcome);
        var order = await OrderAsync(result.OrderNumber!);
        Assert.True(order.ReverseCharge);
        Assert.Equal(VatCheckOutcome.Unavailable, order.VatCheck?.Outcome);
        Assert.Equal(_fx.Clock.GetUtcNow().UtcDateTime, order.VatCheck?.CheckedAtUtc);
    }

    [Fact]
    public async Task SubmitAsync_ViesSaysNotRegisteredAfterTheFormSawItDown_PricesChangedAndTheBuyerTold()
    {
        _vies.Mode = Behaviour.ServerError;
        var (userId, form) = await BusinessFormAsync("DE999999999");
        Assert.True(form.ReverseCharge);
        _vies.Mode = Behaviour.Normal;

        var first = await _purchase.SubmitAsync(userId, form);

        Assert.Equal(SubmitOutcome.PricesChanged, first.Outcome);
        Assert.True(form.TaxIdNotRegistered);
        Assert.False(form.ReverseCharge);
    }

    [Fact]
    public async Task SubmitAsync_FrenchNumber_VatChargedAnywayAndViesNotAsked()
    {
        var (userId, form) = await BusinessFormAsync("FR40303265045");

        var result = await _purchase.SubmitAsync(userId, form);

        Assert.Equal(SubmitOutcome.Submitted, result.Outcome);
        Assert.Equal(0, _vies.Requests);
        Assert.Null((await OrderAsync(result.OrderNumber!)).VatCheck);
    }
}
