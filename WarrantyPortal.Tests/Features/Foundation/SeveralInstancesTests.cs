using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Fulfilment;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Foundation;

/// <summary>
/// Two instances of the real app (two hosts, two service providers, each with its own workers and SMTP listener) on one
/// database, SQLite and PostgreSQL: what one instance protects the other reads, each email goes out once, numbers stay
/// unique and gap-free.
/// </summary>
public sealed class SeveralInstancesTests
{
    private sealed class TwoInstances : IDisposable
    {
        public TwoInstances(string provider)
        {
            Database = new TestDatabase(provider);
            var shared = new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["Database:ConnectionString"] = Database.ConnectionString,
            };
            // One after the other, as a deployment would: the first seeds the demo data and creates the key ring.
            A = new PortalApp(shared).Start();
            B = new PortalApp(shared).Start();
        }

        public TestDatabase Database { get; }
        public PortalApp A { get; }
        public PortalApp B { get; }

        public void Dispose()
        {
            A.Dispose();
            B.Dispose();
            Database.Dispose();
        }
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task SignInCookie_IssuedByOneInstance_AcceptedByTheOther(string provider)
    {
        using var two = new TwoInstances(provider);
        var cookie = await SignInCookieAsync(two.A, "customer@demo.warrantyportal.test");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

        var onB = await GetAccountAsync(http, two.B, cookie);
        var onA = await GetAccountAsync(http, two.A, cookie);
        var forged = await GetAccountAsync(http, two.B, cookie[..^8] + "AAAAAAAA");

        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Contains("/Account/Login", forged.Headers.Location!.ToString());
        await using var db = two.Database.CreateDbContext();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Outbox_TwoInstancesDelivering_EachEmailSentOnce(string provider)
    {
        using var two = new TwoInstances(provider);
        const int count = 60;
        await using (var db = two.A.CreateDbContext())
        {
            var outbox = two.A.Get<EmailOutbox>();
            for (var i = 0; i < count; i++)
            {
                outbox.Add(db, new Email("instance-test", $"user{i}@example.test", $"User {i}", $"Message {i:00}", "<p>Hello</p>", "Hello", "en", $"ref-{i}"));
            }
            await db.SaveChangesAsync();
        }
        two.B.Get<OutboxSignal>().Notify();

        await WaitUntilAsync(async () =>
        {
            await using var db = two.Database.CreateDbContext();
            return await db.OutboxMessages.CountAsync(m => m.Kind == "instance-test" && m.Status == OutboxStatus.Sent) == count;
        });

        var received = two.A.Smtp.Messages.Concat(two.B.Smtp.Messages)
            .Where(m => m.Headers["X-WarrantyPortal-Kind"] == "instance-test").ToList();
        Assert.Equal(count, received.Count);
        Assert.Equal(count, received.Select(m => m.Subject).Distinct().Count());
        Assert.Equal(count, received.Select(m => m.MessageId).Distinct().Count());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task OrderNumbers_AllocatedByBothInstancesAtOnce_UniqueAndGapFree(string provider)
    {
        using var two = new TwoInstances(provider);
        var day = new DateTime(2031, 5, 4, 10, 0, 0, DateTimeKind.Utc);
        await two.A.Get<OrderNumberAllocator>().EnsureDayAsync(day, default);

        async Task<List<string>> Allocate(PortalApp app, bool rollBack)
        {
            var factory = app.Get<IDbContextFactory<ApplicationDbContext>>();
            var mine = new List<string>();
            for (var i = 0; i < 15; i++)
            {
                await using var db = await factory.CreateDbContextAsync();
                await using var tx = await db.Database.BeginTransactionAsync();
                var number = await OrderNumberAllocator.NextAsync(db, day, default);
                if (rollBack)
                {
                    await tx.RollbackAsync();
                    continue;
                }
                await tx.CommitAsync();
                mine.Add(number);
            }
            return mine;
        }

        var results = await Task.WhenAll(
            Task.Run(() => Allocate(two.A, false)), Task.Run(() => Allocate(two.B, false)),
            Task.Run(() => Allocate(two.A, false)), Task.Run(() => Allocate(two.B, true)));

        Assert.Equal(Enumerable.Range(1, 45).Select(i => $"WE20310504{i:0000}"), results.SelectMany(r => r).Order());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Fulfilment_BothInstancesWorking_EachCertificateOnceAndNumbersGapFree(string provider)
    {
        using var two = new TwoInstances(provider);
        var now = DateTime.UtcNow;
        List<string> serials;
        await using (var db = two.A.CreateDbContext())
        {
            serials = await db.Devices.AsNoTracking().Where(d => d.Model == "DS3-H" && !d.Extensions.Any())
                .OrderBy(d => d.SerialNumber).Select(d => d.SerialNumber).Take(48).ToListAsync();
        }
        Assert.Equal(48, serials.Count);
        var numbers = new List<string>();
        await two.A.Get<OrderNumberAllocator>().EnsureDayAsync(now, default);
        foreach (var chunk in serials.Chunk(8))
        {
            await using var db = two.A.CreateDbContext();
            var customer = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "customer@demo.warrantyportal.test");
            var buyer = new BuyerSnapshot
            {
                FullName = customer.FullName, Country = "FR", Email = customer.Email!, PayerName = customer.FullName,
                InstallationAddress = new PostalAddress { Line1 = "3 rue du Soleil", PostalCode = "69001", City = "Lyon", Country = "FR" },
            };
            var order = Order.CreateDraft(customer.Id, buyer, "EUR", false,
                chunk.Select(sn => new OrderLine(sn, "DS3-H", "DS3-H micro inverter", "MI-TO20", "DS3 micro inverter: extend to 20 years", 100_00, 100_00, 2000)),
                null, true, OrderActor.System, now);
            await using var tx = await db.Database.BeginTransactionAsync();
            order.Submit(await OrderNumberAllocator.NextAsync(db, now, default), OrderActor.System, now);
            order.Approve(OrderActor.System, now);
            order.MarkPaid(OrderActor.System, now, "Card payment");
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            numbers.Add(order.Number!);
        }
        two.A.Get<FulfilmentSignal>().Notify();
        two.B.Get<FulfilmentSignal>().Notify();

        await WaitUntilAsync(async () =>
        {
            await using var db = two.Database.CreateDbContext();
            return await db.Orders.CountAsync(o => numbers.Contains(o.Number!) && o.Status == OrderStatus.Completed) == numbers.Count;
        });

        await using var check = two.Database.CreateDbContext();
        var certificates = await check.Certificates.AsNoTracking().Where(c => numbers.Contains(c.OrderNumber)).ToListAsync();
        Assert.Equal(48, certificates.Count);
        Assert.Equal(serials.Order(), certificates.Select(c => c.SerialNumber).Order());
        Assert.Equal(48, await check.DeviceExtensions.CountAsync(e => numbers.Contains(e.OrderNumber)));
        Assert.Equal(numbers.Count, await check.Invoices.CountAsync(i => numbers.Contains(i.OrderNumber)));
        Assert.Equal(numbers.Count, await check.OutboxMessages.CountAsync(m => m.Kind == "order-completed" && numbers.Contains(m.Reference!)));
        AssertGapFree(await check.Certificates.AsNoTracking().Select(c => c.Number).ToListAsync());
        AssertGapFree(await check.Invoices.AsNoTracking().Select(i => i.Number).ToListAsync());
    }

    private static void AssertGapFree(List<string> numbers)
    {
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        foreach (var series in numbers.GroupBy(n => n[..n.LastIndexOf('-')]))
        {
            var values = series.Select(n => int.Parse(n[(n.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(Enumerable.Range(1, values.Count), values);
        }
    }

    /// <summary>The Identity cookie value instance <paramref name="app"/> would set after a password sign-in.</summary>
    private static async Task<string> SignInCookieAsync(PortalApp app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var principal = await factory.CreateAsync(user);
        var options = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow }, IdentityConstants.ApplicationScheme);
        return options.TicketDataFormat.Protect(ticket);
    }

    private static Task<HttpResponseMessage> GetAccountAsync(HttpClient http, PortalApp app, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, app.BaseUrl + "/account");
        request.Headers.Add("Cookie", $".AspNetCore.Identity.Application={cookie}");
        return http.SendAsync(request);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition was not met within 60 s.");
            await Task.Delay(100);
        }
    }
}
