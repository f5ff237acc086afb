using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Documents;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Tests.Features.Fulfilment;
using WarrantyPortal.Tests.Features.Orders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Security;

/// <summary>
/// Hostile text typed into names, addresses and remarks: stored as typed (control characters as spaces), refused when longer
/// than its column, and shown as text in emails and PDFs. Pages are checked in <see cref="HostilePagesBrowserTests"/>.
/// </summary>
public class HostileInputTests
{
    public const string Script = "<script>alert('xss')</script>";
    public const string Img = "<img src=x onerror=alert(2)>";

    private static string PdfText(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Join("\n", doc.GetPages().Select(p => p.Text));
    }

    private static BuyerSnapshot HostileBuyer() => OrdersHarness.Buyer(Script) with
    {
        PayerName = "Evil" + Img,
        InstallationAddress = new PostalAddress { Line1 = "1 rue " + Img, PostalCode = "69001", City = "Lyon\t\u0000\u001b[31m", Country = "FR" },
    };

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task SubmitAsync_ScriptAndControlCharactersInBuyer_StoredAsTextAndEncodedInEmails(string provider)
    {
        using var h = new OrdersHarness(provider);

        var result = await h.Submission.SubmitAsync(OrdersHarness.Alice, h.Draft("SN-H1") with { Buyer = HostileBuyer(), Remark = "line one\r\nline two\u0007" });

        Assert.Equal(SubmitOutcome.Submitted, result.Outcome);
        await using var db = h.Db.CreateDbContext();
        var order = await db.Orders.AsNoTracking().SingleAsync();
        Assert.Equal(Script, order.Buyer.FullName);
        Assert.Equal("Lyon   [31m", order.Buyer.InstallationAddress.City);
        Assert.Equal("line one\nline two", order.Remark);
        var emails = await db.OutboxMessages.AsNoTracking().ToListAsync();
        Assert.NotEmpty(emails);
        Assert.All(emails, e =>
        {
            Assert.DoesNotContain("<script>", e.HtmlBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", e.HtmlBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain('\u0000', e.HtmlBody + e.TextBody + e.Subject + e.ToName);
        });
        Assert.Contains(emails, e => e.HtmlBody.Contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task SubmitAsync_FieldsLongerThanTheirColumns_RefusedWithAMessageAndNothingSaved(string provider)
    {
        using var h = new OrdersHarness(provider);
        var tooLong = new string('A', 201);
        var draft = h.Draft("SN-H2") with
        {
            Buyer = OrdersHarness.Buyer() with { InstallationAddress = new PostalAddress { Line1 = tooLong, PostalCode = "69001", City = "Lyon", Country = "FR" } },
        };

        var result = await h.Submission.SubmitAsync(OrdersHarness.Alice, draft);
        var remark = await h.Submission.SubmitAsync(OrdersHarness.Alice, h.Draft("SN-H3") with { Remark = new string('r', 1001) });

        Assert.Equal(SubmitOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors, e => e.Contains("longer than the form allows", StringComparison.Ordinal));
        Assert.Equal(SubmitOutcome.Invalid, remark.Outcome);
        await using var db = h.Db.CreateDbContext();
        Assert.False(await db.Orders.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task AddressBook_HostileText_ControlCharactersBecomeSpacesAndOverlongIsRefused(string provider)
    {
        using var h = new OrdersHarness(provider);
        var book = new AddressBook(h.Db, h.Clock);
        var form = new AddressForm { Kind = AddressKind.Installation, Recipient = Script, Line1 = "1 rue\0du Port", PostalCode = "13001", City = "Marseille\r\n", Country = "FR" };

        var saved = await book.SaveAsync(OrdersHarness.Alice, form);

        Assert.Equal(Script, saved.Recipient);
        Assert.Equal("1 rue du Port", saved.Line1);
        Assert.Equal("Marseille", saved.City);
        var overlong = new AddressForm { Kind = AddressKind.Installation, Recipient = "Al", Line1 = new string('x', 5000), PostalCode = "13001", City = "Marseille", Country = "FR" };
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => book.SaveAsync(OrdersHarness.Alice, overlong));
        Assert.Contains("Line1", refused.Message);
        Assert.Single(await book.ListAsync(OrdersHarness.Alice));
    }

    [Fact]
    public async Task AddressBook_AnotherUsersAddressId_RefusedAndLeftUnchanged()
    {
        using var h = new OrdersHarness();
        var book = new AddressBook(h.Db, h.Clock);
        var alices = await book.SaveAsync(OrdersHarness.Alice,
            new AddressForm { Kind = AddressKind.Billing, Recipient = "Alice", Line1 = "3 rue du Soleil", PostalCode = "69001", City = "Lyon", Country = "FR" });

        await Assert.ThrowsAsync<KeyNotFoundException>(() => book.SaveAsync(OrdersHarness.Bob,
            new AddressForm { Id = alices.Id, Kind = AddressKind.Billing, Recipient = "Bob", Line1 = "stolen", PostalCode = "1", City = "X", Country = "FR" }));
        Assert.False(await book.DeleteAsync(OrdersHarness.Bob, alices.Id));
        Assert.False(await book.SetDefaultAsync(OrdersHarness.Bob, alices.Id));
        Assert.Null(await book.GetAsync(OrdersHarness.Bob, alices.Id));

        var kept = await book.GetAsync(OrdersHarness.Alice, alices.Id);
        Assert.Equal("3 rue du Soleil", kept!.Line1);
        Assert.Empty(await book.ListAsync(OrdersHarness.Bob));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task UpdateProfile_HostileText_CleanedOrRefused(string provider)
    {
        using var h = new OrdersHarness(provider);
        var accounts = new AccountService(h.Db);

        Assert.True(await accounts.UpdateProfileAsync(OrdersHarness.Alice, new ProfileForm { FullName = Script + "\0", Country = "FR", Company = "ACME\u0007" }));
        await Assert.ThrowsAsync<ArgumentException>(() => accounts.UpdateProfileAsync(OrdersHarness.Alice, new ProfileForm { FullName = new string('n', 201), Country = "FR" }));

        var profile = await accounts.GetProfileAsync(OrdersHarness.Alice);
        Assert.Equal(Script, profile!.FullName);
        Assert.Equal("ACME", profile.Company);
    }

    [Fact]
    public async Task Documents_ScriptAndControlCharactersInBuyer_PrintedAsTextInCertificateAndInvoice()
    {
        using var h = new FulfilmentHarness();
        var serial = h.AddDevices(1)[0];
        var now = h.Clock.GetUtcNow().UtcDateTime;
        var order = Order.CreateDraft(FulfilmentHarness.Alice, HostileBuyer(), "EUR", false,
            [new OrderLine(serial, "DS3-H", "Micro inverter DS3-H", FulfilmentHarness.PlanCode, "Extension to 20 years", 120_00, 99_99, 2000)],
            null, true, OrderActor.System, now);
        order.Submit(OrderNumber.Format(new DateOnly(2026, 6, 21), 77), OrderActor.System, now);
        order.Approve(OrderActor.System, now);
        order.MarkPaid(OrderActor.System, now);
        await using (var db = h.Db.CreateDbContext())
        {
            db.Orders.Add(order);
            await db.SaveChangesAsync();
        }
        await h.Service.RunOnceAsync();
        var alice = FulfilmentHarness.Principal(FulfilmentHarness.Alice);

        var certificate = PdfText((await h.Documents.CertificateAsync(alice, order.Number!, "WC-2026-000001"))!);
        var invoice = PdfText((await h.Documents.InvoiceAsync(alice, order.Number!, InvoiceKind.Invoice))!);

        var certificateText = certificate.Replace(" ", "", StringComparison.Ordinal);
        var invoiceText = invoice.Replace(" ", "", StringComparison.Ordinal);
        Assert.True(certificateText.Contains("Evil<imgsrc=xonerror=alert(2)>", StringComparison.Ordinal), certificate);
        Assert.True(certificateText.Contains("1rue<imgsrc=xonerror=alert(2)>", StringComparison.Ordinal), certificate);
        Assert.True(invoiceText.Contains("<script>alert('xss')</script>", StringComparison.Ordinal) || invoiceText.Contains("Evil<imgsrc=xonerror=alert(2)>", StringComparison.Ordinal), invoice);
        Assert.DoesNotContain('\u0000', certificate + invoice);
        await using var read = h.Db.CreateDbContext();
        var email = await read.OutboxMessages.AsNoTracking().SingleAsync(m => m.Kind == "order-completed");
        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", email.HtmlBody, StringComparison.Ordinal);
    }
}
