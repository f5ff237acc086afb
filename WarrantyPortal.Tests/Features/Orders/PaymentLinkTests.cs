using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Tests.Features.Admin;

namespace WarrantyPortal.Tests.Features.Orders;

public partial class PaymentLinkTests : IDisposable
{
    private readonly AdminHarness _h = new();

    public void Dispose() => _h.Dispose();

    private OrderPaymentLinks Links => new(_h.Orders.Db, Options.Create(new PortalOptions()));

    private async Task<(string Text, string Html, string Subject)> ApprovalEmailAsync(string number)
    {
        await using var db = _h.Orders.Db.CreateDbContext();
        var m = await db.OutboxMessages.SingleAsync(m => m.Reference == number && m.Kind == "order-approved");
        return (m.TextBody, m.HtmlBody, m.Subject);
    }

    private static string TokenIn(string text) => LinkPattern().Match(text) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("No payment link in: " + text);

    [GeneratedRegex(@"/pay/([A-Za-z0-9_\-]{43})")]
    private static partial Regex LinkPattern();

    [Fact]
    public async Task ApproveAsync_EmailCarriesAPaymentLinkThatOpensThatOrder()
    {
        var order = await _h.AddAsync();

        await _h.Service.ApproveAsync(_h.Ref(order), AdminHarness.Ada);

        var (text, html, _) = await ApprovalEmailAsync(order.Number!);
        // In the buyer's language (French here).
        Assert.Contains($"Votre commande {order.Number} a été validée. Veuillez cliquer sur le lien pour effectuer le paiement.", text);
        var token = TokenIn(text);
        Assert.Contains($"/pay/{token}", html);
        var access = await Links.ResolveAsync(token);
        Assert.Equal(PaymentLinkState.Open, access.State);
        Assert.Equal(order.Id, access.OrderId);
        Assert.Equal(order.Number, access.OrderNumber);
    }

    [Fact]
    public void Approved_English_SaysApprovedWithThePaymentLinkAsItsButton()
    {
        var emails = new WarrantyPortal.Features.Admin.Orders.AdminOrderEmails(
            new WarrantyPortal.Features.Notifications.EmailComposer(Options.Create(new PortalOptions())),
            TestSupport.TestLocalizer.For<WarrantyPortal.Features.Admin.AdminText>(), Options.Create(new PortalOptions { PublicBaseUrl = "https://shop.example.test/" }));
        var order = Order.CreateDraft("u1", OrdersHarness.Buyer(), "EUR", false,
            [new OrderLine("702000100001", "DS3-H", "Micro inverter", "EXT10", "+10 years", 120_00, 100_00, 2000)], null, true, OrderActor.System, DateTime.UtcNow);
        order.Submit("WE202606150007", OrderActor.System, DateTime.UtcNow);

        var mail = emails.Approved(order, "en", settled: false, emails.PayUrl("tok"));

        Assert.Contains("Your order WE202606150007 has been approved. Please click the link to complete the payment.", mail.TextBody);
        Assert.Contains("Complete the payment: https://shop.example.test/pay/tok", mail.TextBody);
        Assert.Contains("href=\"https://shop.example.test/pay/tok\"", mail.HtmlBody);
    }

    [Fact]
    public async Task ApproveAsync_OnlyAHashOfTheTokenIsStored()
    {
        var order = await _h.AddAsync();
        await _h.Service.ApproveAsync(_h.Ref(order), AdminHarness.Ada);
        var token = TokenIn((await ApprovalEmailAsync(order.Number!)).Text);

        await using var db = _h.Orders.Db.CreateDbContext();
        var link = await db.OrderPaymentLinks.SingleAsync(l => l.OrderId == order.Id);
        Assert.NotEqual(token, link.TokenHash);
        Assert.DoesNotContain(token, link.TokenHash);
        Assert.Equal(OrderPaymentLinks.HashOf(token), link.TokenHash);
        Assert.Equal(32, Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=").Length);
    }

    [Fact]
    public async Task ApproveAsync_TwoOrders_DifferentLinks()
    {
        var a = await _h.AddAsync();
        var b = await _h.AddAsync();
        await _h.Service.ApproveAsync(_h.Ref(a), AdminHarness.Ada);
        await _h.Service.ApproveAsync(_h.Ref(b), AdminHarness.Ada);

        var tokenA = TokenIn((await ApprovalEmailAsync(a.Number!)).Text);
        var tokenB = TokenIn((await ApprovalEmailAsync(b.Number!)).Text);

        Assert.NotEqual(tokenA, tokenB);
        Assert.Equal(b.Id, (await Links.ResolveAsync(tokenB)).OrderId);
    }

    [Theory]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Expired)]
    public async Task ResolveAsync_OrderNoLongerPayable_LinkClosed(OrderStatus status)
    {
        var order = await _h.AddAsync(status: OrderStatus.Approved);
        string token;
        await using (var db = _h.Orders.Db.CreateDbContext())
        {
            token = OrderPaymentLinks.Issue(db, order.Id, OrderPaymentLinks.Approval, DateTime.UtcNow);
            var tracked = await db.Orders.SingleAsync(o => o.Id == order.Id);
            var admin = OrderActor.Admin(OrdersHarness.AdminId, "Ada Admin");
            switch (status)
            {
                case OrderStatus.Paid: tracked.MarkPaid(admin, DateTime.UtcNow); break;
                case OrderStatus.Cancelled: tracked.Cancel(admin, DateTime.UtcNow, "Duplicate"); break;
                case OrderStatus.Expired: tracked.Expire(DateTime.UtcNow); break;
            }
            await db.SaveChangesAsync();
        }

        var access = await Links.ResolveAsync(token);

        Assert.Equal(PaymentLinkState.Closed, access.State);
        Assert.Equal(status, access.Status);
    }

    [Fact]
    public async Task ResolveAsync_AwaitingTransfer_StillOpen()
    {
        var order = await _h.AddAsync(status: OrderStatus.AwaitingTransfer);
        await using var db = _h.Orders.Db.CreateDbContext();
        var token = OrderPaymentLinks.Issue(db, order.Id, OrderPaymentLinks.Approval, DateTime.UtcNow);
        await db.SaveChangesAsync();

        Assert.Equal(PaymentLinkState.Open, (await Links.ResolveAsync(token)).State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'")]
    public async Task ResolveAsync_UnknownOrMalformedToken_Unknown(string? token)
    {
        var access = await Links.ResolveAsync(token);
        Assert.Equal(PaymentLinkState.Unknown, access.State);
        Assert.Equal(Guid.Empty, access.OrderId);
    }
}
