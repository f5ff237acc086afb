using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin.Orders;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Tests.Features.Admin;

/// <summary>The order audit grid speaks the administrator's language: French labels come from AdminText.fr.resx.</summary>
public sealed class OrderAuditPageFrenchTests : AdminPageContext
{
    public OrderAuditPageFrenchTests() => AddOrderAuditServices();

    private IRenderedComponent<OrderAuditPage> RenderIn(string culture)
    {
        In(culture);
        Render<MudBlazor.MudPopoverProvider>();
        return Render<OrderAuditPage>();
    }

    [Fact]
    public async Task OrderGrid_InFrench_ShowsFrenchTitleColumnsAndStatuses()
    {
        await H.AddAsync("Alice Buyer", company: "Solaris SARL");

        var cut = RenderIn("fr-FR");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=order-link]")), TimeSpan.FromSeconds(30));
        Assert.Equal("Vérification des commandes", cut.Find(".wp-page-title").TextContent.Trim());
        var headers = cut.FindAll("th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains(headers, h => h.StartsWith("Commande"));
        Assert.Contains(headers, h => h.StartsWith("Client"));
        Assert.Contains(headers, h => h.StartsWith("Société"));
        Assert.Contains("Effacer les filtres", cut.Markup);
        Assert.Contains("En attente de vérification", cut.Find("[data-testid=status-chips]").TextContent);
        Assert.Contains("1 appareil(s)", cut.Markup);
        Assert.DoesNotContain("Order audit", cut.Markup);
        Assert.DoesNotContain("Clear filters", cut.Markup);
    }

    [Fact]
    public async Task OrderGrid_InEnglish_KeepsTheEnglishLabels()
    {
        await H.AddAsync("Alice Buyer");

        var cut = RenderIn("en");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=order-link]")), TimeSpan.FromSeconds(30));
        Assert.Equal("Order audit", cut.Find(".wp-page-title").TextContent.Trim());
        Assert.Contains("Clear filters", cut.Markup);
        Assert.Contains("Awaiting audit", cut.Find("[data-testid=status-chips]").TextContent);
        Assert.Contains("1 device(s)", cut.Markup);
    }

    [Fact]
    public async Task OrderGrid_InFrench_LeavesNoEnglishLabelNorPagerText()
    {
        await H.AddAsync("Alice Buyer", company: "Solaris SARL");

        var cut = RenderIn("fr-FR");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=order-link]")), TimeSpan.FromSeconds(30));
        Assert.Contains("Lignes par page", cut.Markup);
        Assert.Contains("1–1 sur 1", cut.Markup);
        Assert.Contains("Pays", cut.FindAll("th").Select(th => th.TextContent.Trim()));
        var text = string.Concat(cut.Nodes.Select(n => n.TextContent));
        foreach (var english in new[] { "Rows per page", " of 1", "Order audit", "Clear filters", "Payment method", "Awaiting audit", "Contains serial", "Ctry", "Submitted", "Customer or email" })
        {
            Assert.DoesNotContain(english, text);
        }
        Assert.DoesNotContain("aria-label=\"Next page\"", cut.Markup);
    }
}
