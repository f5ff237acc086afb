using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin.Orders;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Payments;

namespace WarrantyPortal.Tests.Features.Admin;

/// <summary>
/// Status chips of the outbox and payments pages and the actions of an order's audit trail read in the admin's language;
/// what is stored (enum names, action names) stays as it is.
/// </summary>
public sealed class BackOfficeStatusLabelsFrenchTests : AdminPageContext
{
    private static readonly DateTime At = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    public BackOfficeStatusLabelsFrenchTests()
    {
        Services.AddSingleton(new OutboxQuery(H.Factory));
        Services.AddSingleton(new OutboxResendService(H.Factory, new EmailOutbox(new OutboxSignal(), H.Orders.Clock)));
        Services.AddSingleton(new PaymentAttemptsQuery(H.Factory));
        Services.AddSingleton<IPaymentGateway>(new TestModeGateway(H.Orders.Clock));
    }

    private async Task AddEmailsAsync()
    {
        await using var db = H.Factory.CreateDbContext();
        db.OutboxMessages.AddRange(
            new OutboxMessage { Kind = "order-approved", ToAddress = "alice@example.test", Subject = "Commande validée", Status = OutboxStatus.Sent, CreatedAtUtc = At, NextAttemptAtUtc = At },
            new OutboxMessage { Kind = "order-rejected", ToAddress = "bob@example.test", Subject = "Commande refusée", Status = OutboxStatus.Failed, Attempts = 8, CreatedAtUtc = At, NextAttemptAtUtc = At });
        await db.SaveChangesAsync();
    }

    private async Task AddPaymentAsync(PaymentAttemptStatus status, PaymentMethodKind method)
    {
        await using var db = H.Factory.CreateDbContext();
        var id = Guid.NewGuid();
        db.PaymentAttempts.Add(new PaymentAttempt
        {
            Id = id, OrderReference = "WE202606010001", OrderNumber = "WE202606010001", CustomerEmail = "alice@example.test", AmountMinor = 120_00,
            Currency = "EUR", Method = method, Status = status, Provider = TestModeGateway.ProviderName, ProviderSessionId = $"cs_{id:N}",
            IdempotencyKey = id.ToString("N"), CreatedAtUtc = At, ExpiresAtUtc = At.AddDays(1), UpdatedAtUtc = At,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task OutboxPage_InFrench_StatusChipsAndRowsInFrench()
    {
        await AddEmailsAsync();
        In("fr-FR");
        Render<MudBlazor.MudPopoverProvider>();

        var cut = Render<OutboxPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count), TimeSpan.FromSeconds(30));
        var chips = cut.FindAll(".mud-chip").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("En attente (0)", chips);
        Assert.Contains("Envoyé (1)", chips);
        Assert.Contains("Échec (1)", chips);
        Assert.Contains("Envoyé", chips);
        Assert.Contains("Échec", chips);
        Assert.DoesNotContain(chips, c => c.StartsWith("Sent") || c.StartsWith("Failed") || c.StartsWith("Pending"));
        // What each email is, in words, not the stored kind.
        var kinds = cut.FindAll("td[data-kind]").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("Commande validée, lien de paiement", kinds);
        Assert.Contains("Commande refusée", kinds);
        Assert.DoesNotContain(kinds, k => k.StartsWith("order-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PaymentsPage_InFrench_StatusChipsAndMethodInFrench()
    {
        await AddPaymentAsync(PaymentAttemptStatus.NeedsReview, PaymentMethodKind.Card);
        In("fr-FR");
        Render<MudBlazor.MudPopoverProvider>();

        var cut = Render<PaymentsAdminPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tbody tr")), TimeSpan.FromSeconds(30));
        var chips = cut.FindAll(".mud-chip").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("Ouvert", chips);
        Assert.Contains("Payé", chips);
        Assert.Contains("Remboursé", chips);
        Assert.Equal(2, chips.Count(c => c == "À vérifier"));
        Assert.DoesNotContain(chips, c => c is "Open" or "Paid" or "NeedsReview" or "Refunded");
        Assert.Contains("Carte bancaire", cut.Find("tbody tr").TextContent);
    }

    [Fact]
    public async Task PaymentsPage_InEnglish_ReadableStatuses()
    {
        await AddPaymentAsync(PaymentAttemptStatus.NeedsReview, PaymentMethodKind.EuBankTransfer);
        In("en");
        Render<MudBlazor.MudPopoverProvider>();

        var cut = Render<PaymentsAdminPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tbody tr")), TimeSpan.FromSeconds(30));
        Assert.Equal("Needs review", cut.Find("tbody tr .mud-chip").TextContent.Trim());
        Assert.Contains("Stripe bank transfer", cut.Find("tbody tr").TextContent);
    }

    [Fact]
    public async Task OrderTrail_InFrench_ActionsStatusesAndEmailStatusInFrenchAndStoredNamesKept()
    {
        var order = await H.AddAsync("Alice Buyer", status: OrderStatus.Approved);
        var details = new AdminOrderDetails(OrderDetails.From(order), order.Version, order.CustomerUserId, [], [], [],
            [
                new AuditEntryView(At.AddHours(2), "Ada Admin", "WireTransferMismatch", null, "EUR 100.00"),
                new AuditEntryView(At.AddHours(1), "Ada Admin", "Approve", "Submitted", "Approved"),
                new AuditEntryView(At, "Ada Admin", "SomethingNew", null, null),
            ],
            [new OutboxRow(1, "order-approved", "alice@example.test", "Commande validée", order.Number, OutboxStatus.Sent, 0, null, At, At)],
            null);
        In("fr-FR");

        var cut = Render<AdminOrderTrail>(p => p.Add(c => c.Details, details));

        var actions = cut.FindAll("[data-testid=audit-action]");
        Assert.Equal(["Virement non conforme", "Validée", "SomethingNew"], actions.Select(a => a.TextContent.Trim()).ToList());
        Assert.Equal(["WireTransferMismatch", "Approve", "SomethingNew"], actions.Select(a => a.GetAttribute("data-action")).ToList());
        Assert.Contains("En attente de vérification", cut.Markup);
        Assert.Contains("Validée", cut.Find("[data-testid=audit-trail]").TextContent);
        Assert.Contains("Envoyé", cut.FindAll(".mud-chip").Select(c => c.TextContent.Trim()));
        Assert.DoesNotContain(">Approve<", cut.Markup);
        Assert.DoesNotContain(">Submitted<", cut.Markup);
    }
}
