using WarrantyPortal.Domain.Catalog;

namespace WarrantyPortal.Domain.Orders;

/// <summary>
/// An order for extended warranties. Its lines, buyer and prices are fixed when it is created; afterwards only its
/// status moves, through the guarded methods below, each leaving a row in <see cref="History"/>.
/// </summary>
public sealed class Order
{
    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderStatusChange> _history = [];

    private Order() { }

    public Guid Id { get; private set; }

    /// <summary>Assigned at submit (see <see cref="OrderNumber"/>); null while a draft.</summary>
    public string? Number { get; private set; }
    public string CustomerUserId { get; private set; } = "";
    public OrderStatus Status { get; private set; }
    public string Currency { get; private set; } = "";
    public BuyerSnapshot Buyer { get; private set; } = new();

    /// <summary>No VAT is charged: an EU business buyer accounts for it in its own country.</summary>
    public bool ReverseCharge { get; private set; }

    /// <summary>The VIES answer about the buyer's VAT number when it was checked (null: no EU VAT number, or VIES not in use).</summary>
    public VatVerification? VatCheck => VatCheckOutcome is { } outcome
        ? new VatVerification(VatCheckNumber ?? "", outcome, VatCheckedAtUtc ?? CreatedAtUtc, VatCheckName, VatCheckAddress, VatCheckConsultation)
        : null;

    public VatCheckOutcome? VatCheckOutcome { get; private set; }
    public string? VatCheckNumber { get; private set; }
    public string? VatCheckName { get; private set; }
    public string? VatCheckAddress { get; private set; }
    public string? VatCheckConsultation { get; private set; }
    public DateTime? VatCheckedAtUtc { get; private set; }

    /// <summary>A consumer asked the cover to start at once and acknowledged what that means for withdrawal.</summary>
    public bool ConsentToImmediateStart { get; private set; }
    public string? Remark { get; private set; }

    public long StandardTotalMinor { get; private set; }
    public long SubtotalMinor { get; private set; }
    public long VatMinor { get; private set; }
    public long TotalMinor { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }

    /// <summary>When the order was approved or rejected.</summary>
    public DateTime? AuditedAtUtc { get; private set; }
    public DateTime? PaidAtUtc { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>
    /// The method the buyer last chose to pay with, then the one the money came by; null until a method is chosen.
    /// Once the order is paid it no longer changes.
    /// </summary>
    public PaymentMethod? PaymentMethod { get; private set; }

    /// <summary>Why the order was rejected or cancelled, as told to the buyer.</summary>
    public string? CloseReason { get; private set; }

    /// <summary>Changes on every transition: two admins acting on one order cannot both win.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;
    public IReadOnlyList<OrderStatusChange> History => _history;

    public OrderTotals Totals => OrderTotals.Compute(_lines, Currency, ReverseCharge);
    public bool CanCancel => OrderTransitions.CanCancel(Status);
    public bool CanPay => OrderTransitions.CanPay(Status);

    public static Order CreateDraft(string customerUserId, BuyerSnapshot buyer, string currency, bool reverseCharge,
        IEnumerable<OrderLine> lines, string? remark, bool consentToImmediateStart, OrderActor by, DateTime atUtc,
        VatVerification? vatCheck = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerUserId);
        if (!Currencies.IsKnown(currency)) throw new OrderException(OrderError.CurrencyUnknown, $"Currency '{currency}' is not sold.");
        var list = lines.ToList();
        if (list.Count == 0) throw new OrderException(OrderError.NoLines, "An order needs at least one device.");
        var duplicate = list.GroupBy(l => l.SerialNumber, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new OrderException(OrderError.DuplicateSerialNumber, $"Serial number {duplicate.Key} appears more than once.");
        }

        var order = new Order
        {
            Id = Guid.CreateVersion7(),
            CustomerUserId = customerUserId,
            Status = OrderStatus.Draft,
            Currency = currency.ToUpperInvariant(),
            Buyer = buyer,
            ReverseCharge = reverseCharge,
            ConsentToImmediateStart = consentToImmediateStart,
            Remark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim(),
            CreatedAtUtc = atUtc,
            Version = Guid.NewGuid(),
            VatCheckOutcome = vatCheck?.Outcome,
            VatCheckNumber = vatCheck?.VatNumber,
            VatCheckName = vatCheck?.Name,
            VatCheckAddress = vatCheck?.Address,
            VatCheckConsultation = vatCheck?.ConsultationNumber,
            VatCheckedAtUtc = vatCheck?.CheckedAtUtc,
        };
        order._lines.AddRange(list);
        var totals = order.Totals;
        order.StandardTotalMinor = totals.StandardTotal.Minor;
        order.SubtotalMinor = totals.Subtotal.Minor;
        order.VatMinor = totals.VatTotal.Minor;
        order.TotalMinor = totals.Total.Minor;
        order._history.Add(new OrderStatusChange(null, OrderStatus.Draft, by, atUtc, null));
        return order;
    }

    /// <summary>Places the order under the number the database allocated for it; it now awaits the audit.</summary>
    public void Submit(string number, OrderActor by, DateTime atUtc)
    {
        if (!OrderNumber.IsValid(number)) throw new OrderException(OrderError.NumberInvalid, $"'{number}' is not an order number.");
        if (Buyer.HasWithdrawalRight && !ConsentToImmediateStart)
        {
            throw new OrderException(OrderError.ConsentRequired, "A consumer must agree that the cover starts at once before submitting.");
        }
        Move(OrderStatus.Submitted, by, atUtc, null);
        Number = number;
        SubmittedAtUtc = atUtc;
    }

    public void Approve(OrderActor by, DateTime atUtc, string? remark = null)
    {
        Move(OrderStatus.Approved, by, atUtc, remark);
        AuditedAtUtc = atUtc;
    }

    public void Reject(OrderActor by, DateTime atUtc, string reason)
    {
        RequireReason(reason);
        Move(OrderStatus.Rejected, by, atUtc, reason);
        AuditedAtUtc = atUtc;
        Close(atUtc, reason);
    }

    public void Cancel(OrderActor by, DateTime atUtc, string reason)
    {
        RequireReason(reason);
        Move(OrderStatus.Cancelled, by, atUtc, reason);
        Close(atUtc, reason);
    }

    public void MarkAwaitingTransfer(OrderActor by, DateTime atUtc, string? remark = null)
    {
        Move(OrderStatus.AwaitingTransfer, by, atUtc, remark);
        PaymentMethod = Domain.Orders.PaymentMethod.WireTransfer;
    }

    /// <summary>The money arrived, by <paramref name="method"/> when known.</summary>
    public void MarkPaid(OrderActor by, DateTime atUtc, string? remark = null, PaymentMethod? method = null)
    {
        Move(OrderStatus.Paid, by, atUtc, remark);
        PaidAtUtc = atUtc;
        PaymentMethod = method ?? PaymentMethod;
    }

    /// <summary>
    /// The buyer chose how to pay (a checkout opened, a bank transfer started). Ignored once the order is paid or closed,
    /// so a late report about an abandoned checkout cannot rewrite how the money came. True when it changed.
    /// </summary>
    public bool ChoosePaymentMethod(PaymentMethod method)
    {
        if (!CanPay || PaymentMethod == method) return false;
        PaymentMethod = method;
        return true;
    }

    public void Complete(OrderActor by, DateTime atUtc, string? remark = null)
    {
        Move(OrderStatus.Completed, by, atUtc, remark);
        CompletedAtUtc = atUtc;
    }

    /// <summary>An approved order left unpaid past its deadline.</summary>
    public void Expire(DateTime atUtc, string? remark = null)
    {
        Move(OrderStatus.Expired, OrderActor.System, atUtc, remark);
        Close(atUtc, remark);
    }

    /// <summary>
    /// The audit settles a line at another unit price than the one quoted (the guides' "settlement price"); the standard
    /// price stays as the reference and the totals follow. Only while the order awaits the audit.
    /// </summary>
    public void SetSettlementPrice(int lineId, long unitPriceMinor)
    {
        RequireAwaitingAudit();
        if (unitPriceMinor < 0) throw new OrderException(OrderError.PriceInvalid, "A settlement price cannot be negative.");
        var line = _lines.SingleOrDefault(l => l.Id == lineId) ?? throw new ArgumentException($"The order has no line {lineId}.", nameof(lineId));
        if (line.UnitPriceMinor == unitPriceMinor) return;
        line.Settle(unitPriceMinor);
        Recompute();
    }

    /// <summary>Takes a device off an order awaiting the audit; the last line cannot go (cancel the order instead).</summary>
    public OrderLine RemoveLine(int lineId)
    {
        RequireAwaitingAudit();
        var line = _lines.SingleOrDefault(l => l.Id == lineId) ?? throw new ArgumentException($"The order has no line {lineId}.", nameof(lineId));
        if (_lines.Count == 1) throw new OrderException(OrderError.NoLines, "An order needs at least one device: cancel it instead.");
        _lines.Remove(line);
        Recompute();
        return line;
    }

    /// <summary>Lines may still change (a plan changed by an admin): until the order is paid or closed.</summary>
    public bool CanChangeLines => Status is OrderStatus.Submitted or OrderStatus.Approved or OrderStatus.AwaitingTransfer;

    /// <summary>
    /// Puts another plan on a line, at the prices given (the catalogue's, for this buyer); any settlement price set during
    /// the audit gives way to them and the totals follow. Refused once the order is paid or closed.
    /// </summary>
    public OrderLine ChangePlan(int lineId, string planCode, string planName, long standardUnitPriceMinor, long unitPriceMinor, int vatRateBasisPoints)
    {
        if (!CanChangeLines)
        {
            throw new OrderException(OrderError.IllegalTransition, $"Order {Number ?? Id.ToString()} is {Status}: its plans can no longer be changed.");
        }
        var line = _lines.SingleOrDefault(l => l.Id == lineId) ?? throw new ArgumentException($"The order has no line {lineId}.", nameof(lineId));
        line.ChangePlan(planCode, planName, standardUnitPriceMinor, unitPriceMinor, vatRateBasisPoints);
        Recompute();
        return line;
    }

    private void RequireAwaitingAudit()
    {
        if (Status != OrderStatus.Submitted)
        {
            throw new OrderException(OrderError.IllegalTransition, $"Order {Number ?? Id.ToString()} is {Status}: its lines can only change while it awaits the audit.");
        }
    }

    private void Recompute()
    {
        var totals = Totals;
        StandardTotalMinor = totals.StandardTotal.Minor;
        SubtotalMinor = totals.Subtotal.Minor;
        VatMinor = totals.VatTotal.Minor;
        TotalMinor = totals.Total.Minor;
        Version = Guid.NewGuid();
    }

    /// <summary>Records something that happened to the order without moving it (a payment flagged for review, a refund).</summary>
    public void Note(OrderActor by, DateTime atUtc, string remark)
    {
        if (string.IsNullOrWhiteSpace(remark)) throw new OrderException(OrderError.ReasonRequired, "A note needs a text.");
        _history.Add(new OrderStatusChange(Status, Status, by, atUtc, remark));
        Version = Guid.NewGuid();
    }

    private void Move(OrderStatus to, OrderActor by, DateTime atUtc, string? remark)
    {
        if (!OrderTransitions.IsAllowed(Status, to))
        {
            throw new OrderException(OrderError.IllegalTransition, $"Order {Number ?? Id.ToString()} is {Status} and cannot become {to}.");
        }
        _history.Add(new OrderStatusChange(Status, to, by, atUtc, remark));
        Status = to;
        Version = Guid.NewGuid();
    }

    private void Close(DateTime atUtc, string? reason)
    {
        ClosedAtUtc = atUtc;
        CloseReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    private static void RequireReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new OrderException(OrderError.ReasonRequired, "Say why: the buyer sees the reason.");
    }
}
