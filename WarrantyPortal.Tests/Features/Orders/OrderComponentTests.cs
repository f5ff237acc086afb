using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Tests.Features.Orders;

public class OrderComponentTests : BunitContext, IAsyncLifetime
{
    public OrderComponentTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
        Services.AddMudServices();
        Services.AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private string[] StepStates(OrderStatus status, OrderStatus? stoppedFrom = null)
    {
        var cut = Render<OrderStepBar>(p => p.Add(c => c.Status, status).Add(c => c.StoppedFrom, stoppedFrom));
        return cut.FindAll("li.step").Select(li => li.GetAttribute("data-state")!).ToArray();
    }

    [Theory]
    [InlineData(OrderStatus.Submitted, "Done,Current,Upcoming,Upcoming")]
    [InlineData(OrderStatus.Approved, "Done,Done,Current,Upcoming")]
    [InlineData(OrderStatus.AwaitingTransfer, "Done,Done,Current,Upcoming")]
    [InlineData(OrderStatus.Paid, "Done,Done,Done,Current")]
    [InlineData(OrderStatus.Completed, "Done,Done,Done,Done")]
    [InlineData(OrderStatus.Rejected, "Done,Stopped,Upcoming,Upcoming")]
    [InlineData(OrderStatus.Expired, "Done,Done,Stopped,Upcoming")]
    public void StepBar_Status_MarksStepsDoneCurrentOrStopped(OrderStatus status, string expected)
    {
        Assert.Equal(expected.Split(','), StepStates(status));
    }

    [Theory]
    [InlineData(OrderStatus.Submitted, "Done,Stopped,Upcoming,Upcoming")]
    [InlineData(OrderStatus.Approved, "Done,Done,Stopped,Upcoming")]
    [InlineData(OrderStatus.AwaitingTransfer, "Done,Done,Stopped,Upcoming")]
    public void StepBar_Cancelled_StopsWhereTheOrderWas(OrderStatus from, string expected)
    {
        Assert.Equal(expected.Split(','), StepStates(OrderStatus.Cancelled, from));
    }

    [Fact]
    public void StepBar_Submitted_ShowsTheFourStepsWithAuditAsCurrent()
    {
        var cut = Render<OrderStepBar>(p => p.Add(c => c.Status, OrderStatus.Submitted));
        Assert.Equal(["Initiate request", "Order audit", "Order payment", "Purchase successful"], cut.FindAll("li .label").Select(e => e.TextContent));
        Assert.Equal("Order audit", cut.Find("li[aria-current=step] .label").TextContent);
    }

    [Fact]
    public void Timeline_History_NewestFirstWithReasonAndTeamInsteadOfAdminName()
    {
        var at = new DateTime(2026, 6, 21, 9, 0, 0, DateTimeKind.Utc);
        OrderHistoryEntry[] history =
        [
            new(at, null, OrderStatus.Draft, OrderActorKind.Customer, "Clara Customer", null),
            new(at.AddMinutes(1), OrderStatus.Draft, OrderStatus.Submitted, OrderActorKind.Customer, "Clara Customer", null),
            new(at.AddHours(2), OrderStatus.Submitted, OrderStatus.Rejected, OrderActorKind.Admin, "Alice Admin", "Device out of warranty"),
        ];

        var cut = Render<OrderTimeline>(p => p.Add(c => c.Entries, history));

        var entries = cut.FindAll("li.entry");
        Assert.Equal(3, entries.Count);
        Assert.Contains("Not approved", entries[0].TextContent);
        Assert.Contains("Device out of warranty", entries[0].TextContent);
        Assert.Contains("WarrantyPortal team", entries[0].TextContent);
        Assert.DoesNotContain("Alice Admin", cut.Markup);
        Assert.Contains("Order created", entries[2].TextContent);
    }

    [Theory]
    [InlineData(OrderStatus.Submitted, "Awaiting audit")]
    [InlineData(OrderStatus.Approved, "Awaiting payment")]
    [InlineData(OrderStatus.Completed, "Completed")]
    public void StatusChip_Status_ShowsCustomerWording(OrderStatus status, string text)
    {
        var cut = Render<OrderStatusChip>(p => p.Add(c => c.Status, status));
        Assert.Contains(text, cut.Find("[data-testid=order-status]").TextContent);
    }

    [Fact]
    public void StatusChip_French_Translated()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
        var cut = Render<OrderStatusChip>(p => p.Add(c => c.Status, OrderStatus.Approved));
        Assert.Contains("En attente de paiement", cut.Markup);
    }

    [Fact]
    public void BuyerInfo_InFrench_NamesCountryAndPayerKindInFrench()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        var buyer = new BuyerSnapshot { FullName = "Clara Customer", Country = "DE", PayerKind = PayerKind.Company, PayerName = "Sonnenstrom Berlin GmbH" };

        var cut = Render<BuyerInfo>(p => p.Add(c => c.Buyer, buyer));

        Assert.Contains("Allemagne", cut.Find("[data-testid=buyer-info]").TextContent);
        Assert.Contains("(Entreprise)", cut.Markup);
        Assert.DoesNotContain("Germany", cut.Markup);
    }
}
