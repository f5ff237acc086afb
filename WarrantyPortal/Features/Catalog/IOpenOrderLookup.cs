namespace WarrantyPortal.Features.Catalog;

/// <summary>
/// Which devices already sit in an open order (submitted, awaiting audit or payment). The orders feature provides it;
/// until orders exist, no device is in one.
/// </summary>
public interface IOpenOrderLookup
{
    Task<IReadOnlySet<string>> SerialNumbersInOpenOrdersAsync(IReadOnlyCollection<string> serialNumbers, string? excludingOrderNumber, CancellationToken ct);
}

public sealed class NoOpenOrders : IOpenOrderLookup
{
    public Task<IReadOnlySet<string>> SerialNumbersInOpenOrdersAsync(IReadOnlyCollection<string> serialNumbers, string? excludingOrderNumber, CancellationToken ct) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());
}
