using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin.Orders;

namespace WarrantyPortal.Tests.Features.Admin;

public class OrderAuditQueryTests : IDisposable
{
    private readonly AdminHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task<List<string>> NumbersAsync(OrderAuditFilter filter, OrderAuditSort sort = OrderAuditSort.Number, bool desc = false) =>
        (await _h.Query.RunAsync(filter, sort, desc, 0, 50)).Rows.Select(r => r.Number).ToList();

    [Fact]
    public async Task RunAsync_FilterByNumberPart_OnlyThatOrder()
    {
        var a = await _h.AddAsync();
        await _h.AddAsync();
        Assert.Equal([a.Number!], await NumbersAsync(new() { Number = " " + a.Number![^5..].ToLowerInvariant() }));
    }

    [Fact]
    public async Task RunAsync_FilterByStatus_OnlyThatStatus()
    {
        var waiting = await _h.AddAsync();
        await _h.AddAsync(status: OrderStatus.Approved);
        await _h.AddAsync(status: OrderStatus.Rejected);
        Assert.Equal([waiting.Number!], await NumbersAsync(new() { Status = OrderStatus.Submitted }));
    }

    [Fact]
    public async Task RunAsync_FilterBySubmissionRange_FromInclusiveToExclusive()
    {
        var day = new DateTime(2026, 5, 10, 0, 0, 0, DateTimeKind.Utc);
        await _h.AddAsync(submittedAt: day.AddSeconds(-1));
        var first = await _h.AddAsync(submittedAt: day);
        var last = await _h.AddAsync(submittedAt: day.AddDays(1).AddSeconds(-1));
        await _h.AddAsync(submittedAt: day.AddDays(1));
        Assert.Equal([first.Number!, last.Number!], await NumbersAsync(new() { SubmittedFromUtc = day, SubmittedToUtc = day.AddDays(1) }));
    }

    [Fact]
    public async Task RunAsync_FilterByCustomerNameOrEmailAnyCase_Matches()
    {
        var clara = await _h.AddAsync(name: "Clara Dupont", email: "c.dupont@sun.test");
        await _h.AddAsync(name: "Bob Martin");
        Assert.Equal([clara.Number!], await NumbersAsync(new() { Customer = "dUPont" }));
        Assert.Equal([clara.Number!], await NumbersAsync(new() { Customer = "SUN.TEST" }));
    }

    [Fact]
    public async Task RunAsync_FilterByCompany_OnlyCompanyPayers()
    {
        var solar = await _h.AddAsync(name: "Bob Martin", company: "Solaris SARL");
        await _h.AddAsync(name: "Solaris Fan");
        Assert.Equal([solar.Number!], await NumbersAsync(new() { Company = "solaris" }));
    }

    [Fact]
    public async Task RunAsync_FilterByCountryAndCurrency_Exact()
    {
        var be = await _h.AddAsync(country: "BE");
        var gb = await _h.AddAsync(country: "GB", currency: "GBP");
        await _h.AddAsync(country: "FR");
        Assert.Equal([be.Number!], await NumbersAsync(new() { Country = "be" }));
        Assert.Equal([gb.Number!], await NumbersAsync(new() { Currency = "gbp" }));
    }

    [Fact]
    public async Task RunAsync_FilterByTotalRange_InclusiveBounds()
    {
        await _h.AddAsync(unitMinor: 50_00);   // 60.00 with VAT
        var mid = await _h.AddAsync(unitMinor: 100_00); // 120.00
        var top = await _h.AddAsync(unitMinor: 150_00); // 180.00
        await _h.AddAsync(unitMinor: 200_00);  // 240.00
        Assert.Equal([mid.Number!, top.Number!], await NumbersAsync(new() { TotalFromMinor = 120_00, TotalToMinor = 180_00 }));
    }

    [Fact]
    public async Task RunAsync_FilterBySerialPart_FindsOrderContainingIt()
    {
        var hit = await _h.AddAsync(serials: ["INV-2201-0777", "INV-2201-0001"]);
        await _h.AddAsync(serials: ["INV-2201-0002"]);
        Assert.Equal([hit.Number!], await NumbersAsync(new() { SerialNumber = "inv-2201-0777" }));
    }

    [Fact]
    public async Task RunAsync_FilterByPaymentMethod_OnlyOrdersPaidOrBeingPaidThatWay()
    {
        var card = await _h.AddAsync(status: OrderStatus.Paid, method: PaymentMethod.Card);
        var alipay = await _h.AddAsync(status: OrderStatus.Approved, method: PaymentMethod.Alipay);
        var wire = await _h.AddAsync(status: OrderStatus.AwaitingTransfer);
        await _h.AddAsync();

        Assert.Equal([card.Number!], await NumbersAsync(new() { PaymentMethod = PaymentMethod.Card }));
        Assert.Equal([alipay.Number!], await NumbersAsync(new() { PaymentMethod = PaymentMethod.Alipay }));
        Assert.Equal([wire.Number!], await NumbersAsync(new() { PaymentMethod = PaymentMethod.WireTransfer }));
        Assert.Empty(await NumbersAsync(new() { PaymentMethod = PaymentMethod.EuBankTransfer }));
        var row = (await _h.Query.RunAsync(new() { Number = alipay.Number }, OrderAuditSort.Number, false, 0, 5)).Rows.Single();
        Assert.Equal(PaymentMethod.Alipay, row.PaymentMethod);
    }

    [Fact]
    public void Criteria_PaymentMethod_SurvivesTheExportLink()
    {
        var criteria = new OrderAuditCriteria(new OrderAuditFilter { PaymentMethod = PaymentMethod.EuBankTransfer, Currency = "EUR" }, OrderAuditSort.PaymentMethod, false);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(criteria.ToQueryString());

        var back = OrderAuditCriteria.From(new Microsoft.AspNetCore.Http.QueryCollection(query));

        Assert.Equal(criteria, back);
        Assert.Null(OrderAuditCriteria.From(new Microsoft.AspNetCore.Http.QueryCollection(
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?method=Cheque"))).Filter.PaymentMethod);
    }

    [Fact]
    public async Task RunAsync_Drafts_NeverListed()
    {
        var placed = await _h.AddAsync();
        await using (var db = _h.Orders.Db.CreateDbContext())
        {
            db.Orders.Add(Order.CreateDraft(WarrantyPortal.Tests.Features.Orders.OrdersHarness.Alice, placed.Buyer, "EUR", false,
                [new OrderLine("SN-DRAFT", "M", "N", "EXT5", "+5", 1, 1, 0)], null, true, OrderActor.System, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }
        Assert.Equal([placed.Number!], await NumbersAsync(new()));
    }

    [Theory]
    [InlineData(OrderAuditSort.Total)]
    [InlineData(OrderAuditSort.Customer)]
    [InlineData(OrderAuditSort.Company)]
    [InlineData(OrderAuditSort.Country)]
    [InlineData(OrderAuditSort.Currency)]
    [InlineData(OrderAuditSort.SubmittedAt)]
    [InlineData(OrderAuditSort.Number)]
    [InlineData(OrderAuditSort.Status)]
    [InlineData(OrderAuditSort.PaymentMethod)]
    public async Task RunAsync_EachSort_BothDirectionsInDatabaseOrder(OrderAuditSort sort)
    {
        await _h.AddAsync(name: "Carl C", company: "Beta", country: "DE", currency: "EUR", unitMinor: 300_00, submittedAt: new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), status: OrderStatus.Paid, method: PaymentMethod.WireTransfer);
        await _h.AddAsync(name: "Anna A", company: "Gamma", country: "BE", currency: "USD", unitMinor: 20_00, status: OrderStatus.Approved, submittedAt: new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), method: PaymentMethod.Card);
        await _h.AddAsync(name: "Bert B", company: "Alpha", country: "FR", currency: "GBP", unitMinor: 1_000_00, status: OrderStatus.Rejected, submittedAt: new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        Func<OrderAuditRow, IComparable> key = sort switch
        {
            OrderAuditSort.Total => r => r.Total.Minor,
            OrderAuditSort.Customer => r => r.Customer,
            OrderAuditSort.Company => r => r.Company!,
            OrderAuditSort.Country => r => r.Country,
            OrderAuditSort.Currency => r => r.Total.Currency,
            OrderAuditSort.SubmittedAt => r => r.SubmittedAtUtc!.Value,
            OrderAuditSort.Number => r => r.Number,
            OrderAuditSort.PaymentMethod => r => r.PaymentMethod?.ToString() ?? "",
            _ => r => r.Status.ToString(),
        };

        var up = (await _h.Query.RunAsync(new(), sort, false, 0, 10)).Rows;
        var down = (await _h.Query.RunAsync(new(), sort, true, 0, 10)).Rows;

        Assert.Equal(up.OrderBy(key, Comparer<IComparable>.Default).Select(r => r.Number), up.Select(r => r.Number));
        Assert.Equal(up.Select(r => r.Number).Reverse(), down.Select(r => r.Number));
        Assert.NotEqual(up.Select(r => r.Number), down.Select(r => r.Number));
    }

    [Fact]
    public async Task RunAsync_Paging_TotalCountAndDisjointPages()
    {
        for (var i = 0; i < 7; i++) await _h.AddAsync();
        var first = await _h.Query.RunAsync(new(), OrderAuditSort.SubmittedAt, true, 0, 5);
        var second = await _h.Query.RunAsync(new(), OrderAuditSort.SubmittedAt, true, 5, 5);
        Assert.Equal(7, first.Total);
        Assert.Equal(5, first.Rows.Count);
        Assert.Equal(2, second.Rows.Count);
        Assert.Empty(first.Rows.Select(r => r.Number).Intersect(second.Rows.Select(r => r.Number)));
    }

    [Fact]
    public async Task RunAsync_PageOfManyMultiLineOrders_FixedSmallNumberOfStatements()
    {
        for (var i = 0; i < 30; i++) await _h.AddAsync(serials: [$"SN-A{i:D3}", $"SN-B{i:D3}", $"SN-C{i:D3}"]);
        _h.Factory.Reset();

        var page = await _h.Query.RunAsync(new() { SerialNumber = "SN-" }, OrderAuditSort.Total, true, 0, 25);
        var afterPage = _h.Factory.Commands;
        await _h.Query.CountByStatusAsync(new());

        Assert.Equal(25, page.Rows.Count);
        Assert.All(page.Rows, r => Assert.Equal(3, r.LineCount));
        Assert.Equal(2, afterPage); // the count and the page, never one per row
        Assert.Equal(3, _h.Factory.Commands);
    }

    [Fact]
    public async Task PageAsync_AsThePageLoadsIt_TwoStatementsTotalFromTheStatusCounts()
    {
        for (var i = 0; i < 30; i++) await _h.AddAsync(serials: [$"SN-A{i:D3}", $"SN-B{i:D3}"]);
        await _h.AddAsync(status: OrderStatus.Approved, serials: ["SN-X001"]);
        _h.Factory.Reset();

        var page = await _h.Query.PageAsync(new() { Status = OrderStatus.Submitted, SerialNumber = "sn-" }, OrderAuditSort.Customer, false, 25, 25);

        Assert.Equal(2, _h.Factory.Commands);
        Assert.Equal(30, page.Total);
        Assert.Equal(5, page.Rows.Count);
        Assert.Equal(30, page.CountByStatus[OrderStatus.Submitted]);
        Assert.Equal(1, page.CountByStatus[OrderStatus.Approved]);
    }

    [Fact]
    public async Task RunAsync_SerialTypedWithSpacesOrFirstDigits_FindsTheOrder()
    {
        var hit = await _h.AddAsync(serials: ["702000100001", "702000100002"]);
        await _h.AddAsync(serials: ["702000200001"]);

        Assert.Equal([hit.Number!], await NumbersAsync(new() { SerialNumber = " 7020 0010-0002 " }));
        Assert.Equal([hit.Number!], await NumbersAsync(new() { SerialNumber = "7020001" }));
        Assert.Equal(2, (await NumbersAsync(new() { SerialNumber = "70200" })).Count);
    }

    [Fact]
    public async Task CountByStatusAsync_IgnoresStatusFilterKeepsOthers()
    {
        await _h.AddAsync(country: "BE");
        await _h.AddAsync(country: "BE", status: OrderStatus.Approved);
        await _h.AddAsync(country: "FR");

        var counts = await _h.Query.CountByStatusAsync(new() { Country = "BE", Status = OrderStatus.Approved });

        Assert.Equal(1, counts[OrderStatus.Submitted]);
        Assert.Equal(1, counts[OrderStatus.Approved]);
        Assert.Equal(2, counts.Values.Sum());
    }
}
