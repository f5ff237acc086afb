using Microsoft.AspNetCore.Components;

namespace WarrantyPortal.Features.Payments.TestCheckout;

public partial class TestCheckoutPage
{
    [Inject] private TestCheckoutService Checkout { get; set; } = default!;
    [Inject] private PaymentNotifier Notifier { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Parameter] public Guid AttemptId { get; set; }
    [SupplyParameterFromQuery(Name = "method")] public string? Method { get; set; }
    [SupplyParameterFromQuery(Name = "declined")] public string? Declined { get; set; }

    /// <summary>The checkout read while prerendering, shown until the live read returns (no blank flash).</summary>
    [PersistentState] public TestCheckoutView? Prerendered { get; set; }

    private TestCheckoutView? _view;
    private bool _loaded;
    private bool _alipay;
    private bool _alipayCancelled;
    private IDisposable? _subscription;

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    protected override async Task OnInitializedAsync()
    {
        // Subscribed before reading, so a confirmation that lands in between is not missed.
        if (RendererInfo.IsInteractive)
        {
            _subscription = Notifier.Subscribe(AttemptId, signal => InvokeAsync(() => OnSignalAsync(signal)));
        }
        _view = Prerendered;
        _loaded = _view is not null;
        ChooseMethod();
        _view = await Checkout.GetAsync(AttemptId);
        Prerendered = _view;
        _loaded = true;
        ChooseMethod();
    }

    private void ChooseMethod()
    {
        _alipay = _view is { AlipayAvailable: true } && (string.Equals(Method, "alipay", StringComparison.OrdinalIgnoreCase) || _view.Method == PaymentMethodKind.Alipay);
    }

    private async Task OnSignalAsync(PaymentSignal signal)
    {
        if (signal == PaymentSignal.AlipayCancelled)
        {
            _alipayCancelled = true;
            StateHasChanged();
            return;
        }
        // A card payment made on this page moves on by itself; only a payment confirmed elsewhere (the phone) is followed here.
        if (!_alipay) return;
        _view = await Checkout.GetAsync(AttemptId);
        if (_view?.Status == PaymentAttemptStatus.Paid)
        {
            Nav.NavigateTo(_view.SuccessUrl, forceLoad: true);
            return;
        }
        StateHasChanged();
    }

    public void Dispose() => _subscription?.Dispose();
}
