using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin.Orders;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Tests.Features.Admin;

/// <summary>
/// A serial-number prefix matching more orders than the grid counts (a cap of 3 here, 5,000 on the site): the chips and the
/// pager say "more than" instead of showing partial counts as totals, and a hint says how to count exactly.
/// </summary>
public sealed class OrderAuditPageCappedCountTests : AdminPageContext
{
    public OrderAuditPageCappedCountTests() => AddOrderAuditServices(new OrderAuditQuery(H.Factory) { CountCap = 3 });

    private async Task SeedAsync()
    {
        for (var i = 0; i < 3; i++) await H.AddAsync(serials: [$"SN-BATCH{i:D2}"]);
        for (var i = 0; i < 2; i++) await H.AddAsync(status: OrderStatus.Approved, serials: [$"SN-BATCH1{i}"]);
        await H.AddAsync(serials: ["SN-OTHER01"]);
    }

    private IRenderedComponent<OrderAuditPage> RenderIn(string culture, int awaiting)
    {
        In(culture);
        Render<MudBlazor.MudPopoverProvider>();
        var cut = Render<OrderAuditPage>();
        cut.WaitForAssertion(() => Assert.Equal(awaiting, cut.FindAll("[data-testid=order-link]").Count), TimeSpan.FromSeconds(30));
        return cut;
    }

    private static void TypeSerial(IRenderedComponent<OrderAuditPage> cut, string text) =>
        cut.Find("[data-testid=filter-serial] input, input[data-testid=filter-serial]").Input(text);

    /// <summary>The figure a status chip shows, or null when it shows none.</summary>
    private static string? Figure(IRenderedComponent<OrderAuditPage> cut, string status) =>
        cut.Find($"[data-testid=status-chips] [data-status={status}]").QuerySelector("b")?.TextContent.Trim();

    private static string Pager(IRenderedComponent<OrderAuditPage> cut) => cut.Find(".mud-table-pagination").TextContent;

    [Fact]
    public async Task SerialPrefixOverTheCap_ChipsAndPagerSayMoreThanAndHintToTypeMore()
    {
        await SeedAsync();
        var cut = RenderIn("en", awaiting: 4);
        Assert.Empty(cut.FindAll("[data-testid=count-capped]"));

        cut.Find("[data-testid=status-chips] [data-status=all]").Click();
        TypeSerial(cut, "SN-BATCH");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=count-capped]")), TimeSpan.FromSeconds(30));
        Assert.Contains("More than 3 orders match", cut.Find("[data-testid=count-capped]").TextContent);
        Assert.Contains("Type more of the serial number", cut.Find("[data-testid=count-capped]").TextContent);
        Assert.Equal("3+", Figure(cut, "all"));
        Assert.Null(Figure(cut, nameof(OrderStatus.Submitted))); // no partial figure
        Assert.Null(Figure(cut, nameof(OrderStatus.Approved)));
        cut.WaitForAssertion(() => Assert.Contains("1-3 of more than 3", Pager(cut)), TimeSpan.FromSeconds(30));
        Assert.Equal(3, cut.FindAll("[data-testid=order-link]").Count);

        // Typing more of the serial number counts exactly again.
        TypeSerial(cut, "SN-BATCH0");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=count-capped]")), TimeSpan.FromSeconds(30));
        Assert.Equal("3", Figure(cut, "all"));
        Assert.Equal("3", Figure(cut, nameof(OrderStatus.Submitted)));
        Assert.Equal("0", Figure(cut, nameof(OrderStatus.Approved)));
        Assert.Contains("1-3 of 3", Pager(cut));
    }

    [Fact]
    public async Task SerialPrefixOverTheCap_OnAStatusTab_InFrench_PagerSaysManyUntilTheLastPage()
    {
        await SeedAsync();
        await H.AddAsync(serials: ["SN-BATCH05"]); // a fourth order awaiting audit
        var cut = RenderIn("fr-FR", awaiting: 5);

        TypeSerial(cut, "SN-BATCH");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=count-capped]")), TimeSpan.FromSeconds(30));
        Assert.Contains("Plus de 3 commandes correspondent", cut.Find("[data-testid=count-capped]").TextContent);
        Assert.Equal("3+", Figure(cut, "all"));
        Assert.Null(Figure(cut, nameof(OrderStatus.Submitted)));
        // The awaiting-audit tab was not counted: the first 3 rows, and more follow.
        cut.WaitForAssertion(() => Assert.Contains("1–3 sur un grand nombre", Pager(cut)), TimeSpan.FromSeconds(30));
        Assert.Equal(3, cut.FindAll("[data-testid=order-link]").Count);
        Assert.DoesNotContain("of many", cut.Markup);
    }
}
