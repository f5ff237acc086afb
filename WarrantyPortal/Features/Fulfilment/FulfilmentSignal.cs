using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Fulfilment;

/// <summary>Wakes the fulfilment worker at once (for example right after an order is marked paid); it also polls.</summary>
public sealed class FulfilmentSignal : WorkSignal;
