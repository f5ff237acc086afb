using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Payments;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Faults;

/// <summary>
/// The real app on a database file that outlives it, so a test can kill one instance (<see cref="FaultInjector"/>) and start
/// a fresh one, with fresh services and workers, on the same file.
/// </summary>
public sealed class RestartablePortal(string databaseFile, IDictionary<string, string?> settings, FaultInjector? fault = null)
    : PortalApp(WithDatabase(databaseFile, settings))
{
    private static Dictionary<string, string?> WithDatabase(string file, IDictionary<string, string?> settings) =>
        new(settings) { ["Database:ConnectionString"] = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30 }.ToString() };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (fault is not null)
        {
            builder.ConfigureTestServices(s => s.ConfigureDbContext<ApplicationDbContext>(o => o.AddInterceptors(fault)));
        }
    }

    /// <summary>Posts an event to /webhooks/stripe the way Stripe does, signed with <paramref name="secret"/>.</summary>
    public async Task<HttpResponseMessage> PostStripeEventAsync(string secret, string eventId, string type, JsonObject dataObject)
    {
        var at = DateTimeOffset.UtcNow;
        var payload = StripeEvents.Event(eventId, type, dataObject, at);
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        using var content = new StringContent(payload, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoint.Path) { Content = content };
        request.Headers.Add("Stripe-Signature", StripeEvents.SignatureHeader(secret, payload, at));
        return await http.SendAsync(request);
    }
}

/// <summary>Orders of the demo customer for fault journeys.</summary>
public static class FaultOrders
{
    /// <summary>A new order of the demo customer, submitted and approved; returns its number.</summary>
    public static async Task<string> ApprovedOrderAsync(this PortalApp app, string country = "DE")
    {
        var now = DateTime.UtcNow;
        await app.Get<OrderNumberAllocator>().EnsureDayAsync(now, default);
        await using var db = app.CreateDbContext();
        var customer = await db.Users.AsNoTracking().SingleAsync(u => u.Email == OrdersDemoSeeder.CustomerEmail);
        var buyer = new BuyerSnapshot
        {
            FullName = customer.FullName, Country = country, Phone = "+49 30 1234567", Email = customer.Email!,
            PayerKind = PayerKind.Person, PayerName = customer.FullName,
            InstallationAddress = new PostalAddress { Line1 = "Sonnenallee 1", PostalCode = "12045", City = "Berlin", Country = country },
        };
        var serial = "SI1ES120N" + Random.Shared.Next(10000, 99999);
        var line = OrderDraft.ToLine(new PricedLine(serial, "SI-10K", "SI-10K string inverter", "SI-TO15", "String inverter: extend to 15 years", 299_00, 299_00, 1900));
        var me = OrderActor.Customer(customer.Id, customer.FullName);
        var order = WarrantyPortal.Domain.Orders.Order.CreateDraft(customer.Id, buyer, "EUR", false, [line], null, true, me, now);
        await using var tx = await db.Database.BeginTransactionAsync();
        order.Submit(await OrderNumberAllocator.NextAsync(db, now, default), me, now);
        order.Approve(OrderActor.System, now);
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return order.Number!;
    }

    public static string CustomerId(this PortalApp app)
    {
        using var db = app.CreateDbContext();
        return db.Users.AsNoTracking().Single(u => u.Email == OrdersDemoSeeder.CustomerEmail).Id;
    }

    public static WarrantyPortal.Domain.Orders.Order OrderByNumber(this PortalApp app, string number)
    {
        using var db = app.CreateDbContext();
        return db.Orders.AsNoTracking().Include(o => o.History).Single(o => o.Number == number);
    }
}
