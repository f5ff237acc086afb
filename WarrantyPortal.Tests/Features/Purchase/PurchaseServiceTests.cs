using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Purchase;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Purchase;

/// <summary>The page's commands on the demo catalogue and fleet, with the real order submission behind them.</summary>
public sealed class PurchaseServiceTests : IDisposable
{
    private readonly RegistryFixture _fx = new();
    private readonly PurchaseService _purchase;
    private readonly PurchaseDraftService _drafts;

    public PurchaseServiceTests()
    {
        var db = _fx.Database;
        var orderText = TestLocalizer.For<OrderText>();
        var emails = new OrderEmails(new EmailComposer(Options.Create(new PortalOptions())), orderText, Options.Create(new PortalOptions()), Options.Create(new MailOptions()));
        var submission = new OrderSubmissionService(db, PurchaseTestData.Pricer(_fx), new OrderNumberAllocator(db), new EmailOutbox(new OutboxSignal(), _fx.Clock),
            emails, new OrderChangeNotifier(NullLogger<OrderChangeNotifier>.Instance), orderText, _fx.Clock, NullLogger<OrderSubmissionService>.Instance);
        _drafts = new PurchaseDraftService(db, _fx.Clock);
        _purchase = new PurchaseService(new PurchaseQuoter(_fx.Eligibility(new OpenOrderLookup(db)), new WarrantyPortal.Features.Vies.FormatOnlyVatNumberChecker()), _drafts, new AddressBook(db, _fx.Clock),
            new BuyerDirectory(db), submission, TestLocalizer.For<WarrantyPortal.Domain.Eligibility.EligibilityText>(), _fx.Clock);
    }

    private async Task<(string UserId, PurchaseForm Form)> FilledFormAsync(params (string Sn, string Plan)[] lines)
    {
        var userId = PurchaseTestData.AddUser(_fx, country: "DE");
        var form = await _purchase.OpenAsync(userId, null);
        form.PayerName = "Clara Customer";
        form.Line1 = "Sonnenallee 12";
        form.PostalCode = "12045";
        form.City = "Berlin";
        form.ConsentToImmediateStart = true;
        form.Lines.Clear();
        foreach (var (sn, plan) in lines) form.Lines.Add(new ProductLine { SerialNumber = sn, PlanCode = plan });
        await _purchase.RefreshAsync(form);
        return (userId, form);
    }

    [Fact]
    public async Task OpenAsync_SignedInBuyer_PrefilledFromTheAccountInItsCountry()
    {
        var userId = PurchaseTestData.AddUser(_fx, country: "DE");

        var form = await _purchase.OpenAsync(userId, null);

        Assert.Equal(("DE", "EUR", $"Test {userId}", $"{userId}@example.test"), (form.Country, form.Currency, form.FullName, form.Email));
    }

    [Fact]
    public async Task SubmitAsync_TwoEligibleDevices_OrderPlacedWithServerPrices()
    {
        var (userId, form) = await FilledFormAsync(("702000100001", "MI-TO20"), ("SI1ES120N00001", "SI-TO15"));
        Assert.Empty(form.Problems());

        var result = await _purchase.SubmitAsync(userId, form);

        Assert.Equal(SubmitOutcome.Submitted, result.Outcome);
        await using var db = _fx.Database.CreateDbContext();
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Number == result.OrderNumber);
        Assert.Equal(form.Totals.Total.Minor, order.TotalMinor);
        Assert.Equal(2, order.Lines.Count);
    }

    [Fact]
    public async Task SubmitAsync_DeviceOrderedElsewhereMeanwhile_ReportedOnItsCardAndNothingOrdered()
    {
        var (userId, form) = await FilledFormAsync(("702000100002", "MI-TO25"), ("806000100003", "QT2D-TO20"));
        PurchaseTestData.PlaceOrder(_fx, PurchaseTestData.AddUser(_fx), "806000100003", OrderStatus.Submitted, 40);

        var result = await _purchase.SubmitAsync(userId, form);

        Assert.Equal(SubmitOutcome.Refused, result.Outcome);
        Assert.Null(form.Lines[0].ServerMessage);
        Assert.False(string.IsNullOrWhiteSpace(form.Lines[1].ServerMessage));
        Assert.Contains("Problem_Refused", form.Problems());
        await using var db = _fx.Database.CreateDbContext();
        Assert.False(await db.Orders.AnyAsync(o => o.CustomerUserId == userId));
    }

    [Fact]
    public async Task SubmitAsync_PriceChangedMeanwhile_PricesChangedThenNewPriceAccepted()
    {
        var (userId, form) = await FilledFormAsync(("HY3K6ES220000001", "HY-ADD5"));
        var before = form.Lines[0].Offer!.UnitNet.Minor;
        await using (var db = _fx.Database.CreateDbContext())
        {
            await db.PlanPrices.Where(p => p.Currency == "EUR" && db.Plans.Any(pl => pl.Id == p.PlanId && pl.Code == "HY-ADD5"))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.NetMinor, p => p.NetMinor + 1_000));
        }

        var first = await _purchase.SubmitAsync(userId, form);

        Assert.Equal(SubmitOutcome.PricesChanged, first.Outcome);
        Assert.Equal(before + 1_000, form.Lines[0].Offer!.UnitNet.Minor);
        Assert.Equal(SubmitOutcome.Submitted, (await _purchase.SubmitAsync(userId, form)).Outcome);
    }

    [Fact]
    public async Task OpenAsync_VisitorSignsIn_TheirDraftBecomesTheAccountsWithItsDevices()
    {
        var visitor = Guid.NewGuid().ToString("N");
        var guestForm = await _purchase.OpenAsync(null, visitor);
        guestForm.PayerName = "Gustav Guest";
        guestForm.Lines[0].SerialNumber = "702000100001";
        await _purchase.SaveDraftAsync(DraftOwner.Anonymous(visitor), guestForm);
        var userId = PurchaseTestData.AddUser(_fx);

        var form = await _purchase.OpenAsync(userId, visitor);

        Assert.Equal("Gustav Guest", form.PayerName);
        Assert.Equal("DS3-H", form.Lines[0].Device?.Model);
        Assert.Null(await _drafts.LoadAsync(DraftOwner.Anonymous(visitor)));
    }

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task SaveAddressAsync_FromThePurchaseForm_KeptInTheAccountsAddressBookAndOfferedFirst()
    {
        var (userId, form) = await FilledFormAsync(("702000100001", "MI-TO20"));
        var book = new AddressBook(_fx.Database, _fx.Clock);
        await book.SaveAsync(userId, new AddressForm { Kind = AddressKind.Billing, Label = "Head office", Recipient = "Clara", Line1 = "1 Hauptstr.", PostalCode = "10115", City = "Berlin", Country = "DE" });

        var saved = await _purchase.SaveAddressAsync(userId, form, "Berlin roof");

        Assert.NotNull(saved);
        Assert.Equal(AddressKind.Installation, saved.Kind);
        Assert.Contains(await book.ListAsync(userId), a => a.Label == "Berlin roof" && a.Line1 == "Sonnenallee 12" && a.PostalCode == "12045");
        Assert.Equal(["Berlin roof", "Head office"], (await _purchase.AddressesAsync(userId)).Select(a => a.Label));
    }

    [Fact]
    public async Task SaveAddressAsync_NoPostalCode_NotKeptAndNothingElseChanges()
    {
        var (userId, form) = await FilledFormAsync(("702000100001", "MI-TO20"));
        form.PostalCode = "";

        Assert.Null(await _purchase.SaveAddressAsync(userId, form, "Berlin roof"));
        Assert.Empty(await _purchase.AddressesAsync(userId));
    }

    [Fact]
    public async Task AddressesAsync_AnotherUsersAddressBook_NeverOffered()
    {
        var (userId, form) = await FilledFormAsync(("702000100001", "MI-TO20"));
        await _purchase.SaveAddressAsync(userId, form, "Berlin roof");
        var someoneElse = PurchaseTestData.AddUser(_fx, country: "FR");

        Assert.Empty(await _purchase.AddressesAsync(someoneElse));
        Assert.Empty(await _purchase.AddressesAsync(null));
    }
}
