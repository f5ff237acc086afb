using WarrantyPortal.Domain.Orders;
using static WarrantyPortal.Tests.Domain.Orders.OrderFactory;

namespace WarrantyPortal.Tests.Domain.Orders;

public class OrderTransitionTests
{
    private static readonly Dictionary<OrderStatus, Action<Order>> Moves = new()
    {
        [OrderStatus.Submitted] = o => o.Submit("WE202606210002", Buyer, At.AddHours(1)),
        [OrderStatus.Approved] = o => o.Approve(Admin, At.AddHours(1)),
        [OrderStatus.Rejected] = o => o.Reject(Admin, At.AddHours(1), "Device not eligible"),
        [OrderStatus.Cancelled] = o => o.Cancel(Buyer, At.AddHours(1), "Wrong device"),
        [OrderStatus.AwaitingTransfer] = o => o.MarkAwaitingTransfer(Buyer, At.AddHours(1)),
        [OrderStatus.Paid] = o => o.MarkPaid(OrderActor.System, At.AddHours(1)),
        [OrderStatus.Completed] = o => o.Complete(OrderActor.System, At.AddHours(1)),
        [OrderStatus.Expired] = o => o.Expire(At.AddHours(1)),
    };

    private static readonly HashSet<(OrderStatus From, OrderStatus To)> Allowed =
    [
        (OrderStatus.Draft, OrderStatus.Submitted), (OrderStatus.Draft, OrderStatus.Cancelled),
        (OrderStatus.Submitted, OrderStatus.Approved), (OrderStatus.Submitted, OrderStatus.Rejected), (OrderStatus.Submitted, OrderStatus.Cancelled),
        (OrderStatus.Approved, OrderStatus.AwaitingTransfer), (OrderStatus.Approved, OrderStatus.Paid),
        (OrderStatus.Approved, OrderStatus.Cancelled), (OrderStatus.Approved, OrderStatus.Expired),
        (OrderStatus.AwaitingTransfer, OrderStatus.Paid), (OrderStatus.AwaitingTransfer, OrderStatus.Cancelled), (OrderStatus.AwaitingTransfer, OrderStatus.Expired),
        (OrderStatus.Paid, OrderStatus.Completed),
    ];

    public static TheoryData<OrderStatus, OrderStatus> EveryPair()
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Moves.Keys) data.Add(from, to);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Move_FromEachStatus_AllowedOnlyAlongTheTable(OrderStatus from, OrderStatus to)
    {
        var order = InStatus(from);
        var historyBefore = order.History.Count;
        var versionBefore = order.Version;

        if (Allowed.Contains((from, to)))
        {
            Moves[to](order);
            Assert.Equal(to, order.Status);
            Assert.Equal(historyBefore + 1, order.History.Count);
            var row = order.History[^1];
            Assert.Equal(from, row.FromStatus);
            Assert.Equal(to, row.ToStatus);
            Assert.Equal(At.AddHours(1), row.AtUtc);
            Assert.NotEqual(versionBefore, order.Version);
        }
        else
        {
            var e = Assert.Throws<OrderException>(() => Moves[to](order));
            Assert.Equal(OrderError.IllegalTransition, e.Error);
            Assert.Equal(from, order.Status);
            Assert.Equal(historyBefore, order.History.Count);
            Assert.Equal(versionBefore, order.Version);
        }
    }

    [Fact]
    public void Table_MatchesDomainRules_ForEveryPair()
    {
        foreach (var from in Enum.GetValues<OrderStatus>())
        foreach (var to in Enum.GetValues<OrderStatus>())
        {
            Assert.Equal(Allowed.Contains((from, to)), OrderTransitions.IsAllowed(from, to));
        }
    }

    [Theory]
    [InlineData(OrderStatus.Draft, true, false)]
    [InlineData(OrderStatus.Submitted, true, false)]
    [InlineData(OrderStatus.Approved, true, true)]
    [InlineData(OrderStatus.AwaitingTransfer, true, true)]
    [InlineData(OrderStatus.Paid, false, false)]
    [InlineData(OrderStatus.Completed, false, false)]
    [InlineData(OrderStatus.Rejected, false, false)]
    [InlineData(OrderStatus.Cancelled, false, false)]
    [InlineData(OrderStatus.Expired, false, false)]
    public void CanCancelAndCanPay_EachStatus_OnlyBeforePayment(OrderStatus status, bool canCancel, bool canPay)
    {
        var order = InStatus(status);
        Assert.Equal(canCancel, order.CanCancel);
        Assert.Equal(canPay, order.CanPay);
    }

    [Fact]
    public void Submit_ConsumerWithoutConsent_RefusedAndStaysDraft()
    {
        var order = Order.CreateDraft("user-1", Consumer(), "EUR", false, [Line()], null, false, Buyer, At);
        var e = Assert.Throws<OrderException>(() => order.Submit("WE202606210001", Buyer, At));
        Assert.Equal(OrderError.ConsentRequired, e.Error);
        Assert.Equal(OrderStatus.Draft, order.Status);
        Assert.Null(order.Number);
    }

    [Fact]
    public void Submit_ConsumerOutsideTheEuWithoutConsent_AcceptedAsTheyHaveNoWithdrawalRight()
    {
        var order = Order.CreateDraft("user-1", Consumer() with { Country = "US" }, "USD", false, [Line()], null, false, Buyer, At);
        order.Submit("WE202606210001", Buyer, At);
        Assert.Equal(OrderStatus.Submitted, order.Status);
    }

    [Fact]
    public void Submit_BusinessWithoutConsent_Accepted()
    {
        var order = Order.CreateDraft("user-1", Consumer(taxId: "FR40303265045"), "EUR", true, [Line()], null, false, Buyer, At);
        order.Submit("WE202606210001", Buyer, At);
        Assert.Equal("WE202606210001", order.Number);
        Assert.Equal(At, order.SubmittedAtUtc);
    }

    [Fact]
    public void Submit_MalformedNumber_Refused()
    {
        var e = Assert.Throws<OrderException>(() => Draft().Submit("WE2026", Buyer, At));
        Assert.Equal(OrderError.NumberInvalid, e.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RejectAndCancel_NoReason_Refused(string reason)
    {
        var order = InStatus(OrderStatus.Submitted);
        Assert.Equal(OrderError.ReasonRequired, Assert.Throws<OrderException>(() => order.Reject(Admin, At, reason)).Error);
        Assert.Equal(OrderError.ReasonRequired, Assert.Throws<OrderException>(() => order.Cancel(Buyer, At, reason)).Error);
        Assert.Equal(OrderStatus.Submitted, order.Status);
    }

    [Fact]
    public void Reject_WithReason_RecordsAuditTimeActorAndReason()
    {
        var order = InStatus(OrderStatus.Submitted);
        order.Reject(Admin, At.AddHours(2), "Serial number belongs to another installer");
        Assert.Equal(At.AddHours(2), order.AuditedAtUtc);
        Assert.Equal("Serial number belongs to another installer", order.CloseReason);
        var row = order.History[^1];
        Assert.Equal((OrderActorKind.Admin, "Alice Admin", "Serial number belongs to another installer"), (row.ActorKind, row.ActorName, row.Remark));
    }

    [Fact]
    public void CreateDraft_RecordsCreationRow()
    {
        var row = Assert.Single(Draft().History);
        Assert.Null(row.FromStatus);
        Assert.Equal(OrderStatus.Draft, row.ToStatus);
    }

    [Fact]
    public void CreateDraft_NoLines_Refused()
    {
        var e = Assert.Throws<OrderException>(() => Order.CreateDraft("user-1", Consumer(), "EUR", false, [], null, true, Buyer, At));
        Assert.Equal(OrderError.NoLines, e.Error);
    }

    [Fact]
    public void CreateDraft_SameSerialTwiceAnyCase_Refused()
    {
        var e = Assert.Throws<OrderException>(() => Draft(Line("sn0001"), Line("SN0001 ")));
        Assert.Equal(OrderError.DuplicateSerialNumber, e.Error);
    }

    [Fact]
    public void CreateDraft_UnknownCurrency_Refused()
    {
        var e = Assert.Throws<OrderException>(() => Order.CreateDraft("user-1", Consumer(), "XYZ", false, [Line()], null, true, Buyer, At));
        Assert.Equal(OrderError.CurrencyUnknown, e.Error);
    }

    [Fact]
    public void Line_QuantityOtherThanOne_Refused()
    {
        var e = Assert.Throws<OrderException>(() => new OrderLine("SN1", "M", "N", "EXT5", "+5", 100, 100, 1900, quantity: 2));
        Assert.Equal(OrderError.QuantityInvalid, e.Error);
    }
}
