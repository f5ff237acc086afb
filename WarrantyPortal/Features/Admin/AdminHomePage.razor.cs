using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using WarrantyPortal.Domain;
using WarrantyPortal.Features.Admin.Dashboard;
using WarrantyPortal.Features.Admin.Orders;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Features.Admin;

public partial class AdminHomePage
{
    private static readonly (int Days, string Label)[] Periods = [(30, "Home_Period30"), (90, "Home_Period90"), (365, "Home_Period365")];

    [Inject] private DashboardQuery Dashboard { get; set; } = default!;
    [Inject] private OutboxQuery Outbox { get; set; } = default!;
    [Inject] private OrderChangeNotifier Notifier { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private int _days = 90;
    private int _pending;
    private DashboardFigures? _f;
    private List<ChartSeries<double>> _revenueSeries = [];
    private string[] _months = [];
    private List<ChartSeries<double>> _statusSeries = [];
    private string[] _statusLabels = [];
    private IDisposable? _subscription;

    private string Period => AdminStrings.Get(Periods.First(p => p.Days == _days).Label + "_Lead");

    private string RevenueText => _f is null || _f.RevenueByMonth.Count == 0 ? "—"
        : string.Join(" · ", _f.RevenueByMonth.GroupBy(r => r.Currency).OrderByDescending(g => g.Sum(r => r.TotalMinor))
            .Take(1).Select(g => new Money(g.Sum(r => r.TotalMinor), g.Key).Format()));

    private string AverageText => _f?.AverageTimeToApproval is not { } t ? "—"
        : t.TotalHours < 48 ? AdminStrings.Get("Home_Hours", t.TotalHours) : AdminStrings.Get("Home_Days", t.TotalDays);

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _subscription = Notifier.SubscribeAll(_ => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }));
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task OnPeriodAsync(int days)
    {
        _days = days == 0 ? 90 : days;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        _f = await Dashboard.RunAsync(now.Date.AddDays(1 - _days), now.Date.AddDays(1));
        _pending = (await Outbox.CountsAsync()).GetValueOrDefault(OutboxStatus.Pending);

        var months = _f.RevenueByMonth.Select(r => (r.Year, r.Month)).Distinct().OrderBy(m => m).ToList();
        _months = months.Select(m => new DateTime(m.Year, m.Month, 1).ToString("MMM yy", CultureInfo.CurrentCulture)).ToArray();
        _revenueSeries = _f.RevenueByMonth.GroupBy(r => r.Currency).Select(g => new ChartSeries<double>
        {
            Name = g.Key,
            Data = new ChartData<double>(months.Select(m => (double)(g.Where(r => (r.Year, r.Month) == m).Sum(r => r.TotalMinor) / (decimal)Currencies.MinorFactor(g.Key))).ToList()),
        }).ToList();

        var statuses = OrderStatusLook.ChipOrder.Where(s => _f.ByStatus.GetValueOrDefault(s) > 0).ToList();
        _statusLabels = statuses.Select(OrderStatusLook.Label).ToArray();
        _statusSeries = [new ChartSeries<double> { Name = AdminStrings.Get("Home_KpiOrders"), Data = new ChartData<double>(statuses.Select(s => (double)_f.ByStatus[s]).ToList()) }];
    }
}
