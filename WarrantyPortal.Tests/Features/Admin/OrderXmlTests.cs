using System.Xml.Linq;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin.Orders;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Tests.Features.Orders;

namespace WarrantyPortal.Tests.Features.Admin;

/// <summary>The admin's "Export the order as XML": what accounting reads, VIES evidence included.</summary>
public sealed class OrderXmlTests : IDisposable
{
    private static readonly DateTime CheckedAt = new(2026, 6, 1, 7, 59, 30, DateTimeKind.Utc);
    private readonly AdminHarness _h = new();

    private static XDocument Xml(Order order) =>
        OrderXml.Build(new AdminOrderDetails(OrderDetails.From(order), order.Version, order.CustomerUserId, [], [], [], [], [], null));

    private static Order Draft(VatVerification? check)
    {
        var line = new OrderLine("702000000001", "DS3-H", "Micro inverter", "EXT5", "+5 years", 120_00, 100_00, 0);
        var buyer = OrdersHarness.Buyer("Hans Käufer", "DE811128135");
        var order = Order.CreateDraft(OrdersHarness.Alice, buyer, "EUR", check?.AllowsReverseCharge ?? false, [line], null, true,
            OrderActor.Customer(OrdersHarness.Alice, "Hans Käufer"), CheckedAt, check);
        order.Submit("WE202606019999", OrderActor.Customer(OrdersHarness.Alice, "Hans Käufer"), CheckedAt.AddMinutes(1));
        return order;
    }

    [Fact]
    public void Build_OrderConfirmedByVies_CarriesOutcomeTraderConsultationNumberAndTime()
    {
        var check = new VatVerification("DE811128135", VatCheckOutcome.Valid, CheckedAt, "Sonnenstrom GmbH", "Sonnenallee 12\n12045 Berlin", "WAPIAAAAZ1a2b3C4");

        var vat = Xml(Draft(check)).Root!.Element("vatCheck");

        Assert.NotNull(vat);
        Assert.Equal("Valid", (string?)vat.Attribute("outcome"));
        Assert.Equal("2026-06-01T07:59:30Z", (string?)vat.Attribute("checkedAt"));
        Assert.Equal("DE811128135", (string?)vat.Element("vatNumber"));
        Assert.Equal("Sonnenstrom GmbH", (string?)vat.Element("traderName"));
        Assert.Equal("Sonnenallee 12\n12045 Berlin", (string?)vat.Element("traderAddress"));
        Assert.Equal("WAPIAAAAZ1a2b3C4", (string?)vat.Element("consultationNumber"));
    }

    [Fact]
    public void Build_ViesDidNotAnswer_OutcomeUnavailableWithTheTimeTried()
    {
        var vat = Xml(Draft(VatVerification.Unavailable("DE811128135", CheckedAt))).Root!.Element("vatCheck");

        Assert.Equal("Unavailable", (string?)vat?.Attribute("outcome"));
        Assert.Equal("", (string?)vat?.Element("consultationNumber"));
    }

    [Fact]
    public void Build_NoVatNumberChecked_NoVatCheckElement() =>
        Assert.Null(Xml(Draft(null)).Root!.Element("vatCheck"));

    [Fact]
    public async Task Export_OrderWithAVatCheck_OutcomeInTheVatCheckColumn()
    {
        await using (var db = _h.Orders.Db.CreateDbContext())
        {
            db.Orders.Add(Draft(new VatVerification("DE811128135", VatCheckOutcome.Invalid, CheckedAt)));
            await db.SaveChangesAsync();
        }
        await _h.AddAsync("Bob Plain");

        using var ms = new MemoryStream();
        await OrderAuditExport.WriteCsvAsync(_h.Query.StreamAsync(new OrderAuditFilter(), OrderAuditSort.Number, false), ms, default);
        var lines = System.Text.Encoding.UTF8.GetString(ms.ToArray()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\r')).ToList();

        Assert.EndsWith(",Devices,VAT check", lines[0]);
        Assert.Equal(3, lines.Count);
        Assert.Single(lines, l => l.StartsWith("WE202606019999,") && l.EndsWith(",1,Invalid"));
        Assert.Single(lines, l => l.EndsWith(",1,"));
    }

    public void Dispose() => _h.Dispose();
}
