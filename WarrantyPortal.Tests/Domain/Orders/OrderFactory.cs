using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Tests.Domain.Orders;

internal static class OrderFactory
{
    public static readonly DateTime At = new(2026, 6, 21, 9, 50, 27, DateTimeKind.Utc);
    public static readonly OrderActor Buyer = OrderActor.Customer("user-1", "Clara Customer");
    public static readonly OrderActor Admin = OrderActor.Admin("admin-1", "Alice Admin");

    public static BuyerSnapshot Consumer(string? taxId = null) => new()
    {
        FullName = "Clara Customer",
        Country = "DE",
        Phone = "+49 30 1234",
        Email = "clara@example.test",
        PayerKind = taxId is null ? PayerKind.Person : PayerKind.Company,
        PayerName = "Clara Customer",
        TaxId = taxId,
        InstallationAddress = new PostalAddress { Line1 = "Sonnenallee 12", PostalCode = "12045", City = "Berlin", Country = "DE" },
        BillingAddress = new PostalAddress { Line1 = "Sonnenallee 12", PostalCode = "12045", City = "Berlin", Country = "DE" },
    };

    public static OrderLine Line(string serial = "SN0001", long unit = 100_00, int vatBp = 1900, long? standard = null) =>
        new(serial, "HYD 5KTL", "5 kW inverter", "EXT5", "+5 years", standard ?? unit, unit, vatBp);

    public static Order Draft(params OrderLine[] lines) =>
        Order.CreateDraft("user-1", Consumer(), "EUR", false, lines.Length == 0 ? [Line()] : lines, null, true, Buyer, At);

    /// <summary>An order brought to <paramref name="status"/> along the usual path.</summary>
    public static Order InStatus(OrderStatus status)
    {
        var o = Draft();
        var t = At;
        switch (status)
        {
            case OrderStatus.Draft: break;
            case OrderStatus.Submitted: o.Submit("WE202606210001", Buyer, t); break;
            case OrderStatus.Approved: o.Submit("WE202606210001", Buyer, t); o.Approve(Admin, t); break;
            case OrderStatus.AwaitingTransfer: o.Submit("WE202606210001", Buyer, t); o.Approve(Admin, t); o.MarkAwaitingTransfer(Buyer, t); break;
            case OrderStatus.Paid: o.Submit("WE202606210001", Buyer, t); o.Approve(Admin, t); o.MarkPaid(OrderActor.System, t); break;
            case OrderStatus.Completed: o.Submit("WE202606210001", Buyer, t); o.Approve(Admin, t); o.MarkPaid(OrderActor.System, t); o.Complete(OrderActor.System, t); break;
            case OrderStatus.Rejected: o.Submit("WE202606210001", Buyer, t); o.Reject(Admin, t, "Not eligible"); break;
            case OrderStatus.Cancelled: o.Cancel(Buyer, t, "Changed my mind"); break;
            case OrderStatus.Expired: o.Submit("WE202606210001", Buyer, t); o.Approve(Admin, t); o.Expire(t); break;
        }
        Assert.Equal(status, o.Status);
        return o;
    }
}
