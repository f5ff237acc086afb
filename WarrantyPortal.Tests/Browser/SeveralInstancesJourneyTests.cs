using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Tests.TestSupport;
using Xunit.Abstractions;

namespace WarrantyPortal.Tests.Browser;

/// <summary>Runs only where PostgreSQL and nginx can be had (scripts/test.sh provides both when run as root).</summary>
public sealed class SeveralInstancesFactAttribute : FactAttribute
{
    public SeveralInstancesFactAttribute()
    {
        if (TestProviders.PostgresAdminConnection is null)
        {
            Skip = "Needs PostgreSQL: set WP_TEST_POSTGRES (scripts/test.sh does, through scripts/test-postgres.sh).";
        }
        else if (NginxProxy.Executable is null)
        {
            Skip = "Needs nginx: apt-get install nginx-light (scripts/test.sh installs it when run as root).";
        }
    }
}

/// <summary>
/// Two processes of the real app on one PostgreSQL database behind nginx (sticky by client address), driven by Chromium
/// through the proxy. The instance that holds the fulfilment of the paid order is killed while it waits on the registry
/// write-back (invoice and certificate issued, coverage not yet recorded): the other instance takes the order over and
/// finishes it, the customer stays signed in, each email goes out once and every number is unique.
/// </summary>
public sealed class SeveralInstancesJourneyTests(ITestOutputHelper output)
{
    private const string CustomerEmail = "customer@demo.warrantyportal.test";
    private const string Serial = "702000777001";

    [SeveralInstancesFact]
    public async Task TwoInstancesBehindNginx_ClaimHolderKilledMidFulfilment_OtherFinishesEachEmailOnceNumbersUnique()
    {
        using var database = new TestDatabase(TestProviders.Postgres);
        await using var smtp = SmtpListener.StartNew();
        await using var registry = await FakeRegistryPlatform.StartAsync();
        registry.Devices[Serial] = EligibleMicroInverter(Serial);
        var proxyPort = SmtpListener.FreePort();
        var settings = InstanceSettings(database.ConnectionString, $"http://127.0.0.1:{proxyPort}", smtp.Port, registry.BaseUrl);

        // One after the other, as a rolling deployment would: the first migrates, seeds and creates the key ring.
        using var a = PortalProcess.Start("a", settings);
        await a.WaitUntilHealthyAsync(TimeSpan.FromMinutes(5));
        using var b = PortalProcess.Start("b", settings);
        await b.WaitUntilHealthyAsync(TimeSpan.FromMinutes(5));
        using var proxy = await NginxProxy.StartAsync(proxyPort, [a.Port, b.Port]);
        try
        {
            await RunJourneyAsync(database, smtp, registry, proxy, a, b);
        }
        catch
        {
            output.WriteLine(a.Output);
            output.WriteLine(b.Output);
            output.WriteLine("nginx: " + proxy.ErrorLog);
            throw;
        }
    }

    /// <summary>The configuration both instances get, as environment variables (see README "Running several instances").</summary>
    private static Dictionary<string, string> InstanceSettings(string connectionString, string publicUrl, int smtpPort, string registryUrl) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = connectionString,
        ["Portal:PublicBaseUrl"] = publicUrl,
        ["Portal:SeedDemoData"] = "true",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:PollSeconds"] = "1",
        ["Mail:RetryBaseSeconds"] = "1",
        ["Registry:Mode"] = "Remote",
        ["Registry:BaseUrl"] = registryUrl,
        ["Registry:ApiKey"] = "test-registry-key",
        // The platform is held on purpose while an instance is killed: the write-back waits instead of timing out.
        ["Registry:AttemptTimeout"] = "00:03:00",
        ["Registry:TotalTimeout"] = "00:06:00",
        ["Registry:MaxRetries"] = "1",
        ["Fulfilment:LeaseSeconds"] = "10",
        ["Payments:Stripe:WebhookSecret"] = "whsec_several_instances_test_secret",
    };

    private async Task RunJourneyAsync(TestDatabase database, SmtpListener smtp, FakeRegistryPlatform registry, NginxProxy proxy, PortalProcess a, PortalProcess b)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = BrowserFixture.ChromiumArgs,
        });
        Assertions.SetDefaultExpectTimeout(60_000);
        var customer = await NewPageAsync(browser, proxy.BaseUrl);
        var front = await UpstreamAsync(customer);
        output.WriteLine($"Instances: a=:{a.Port} (pid {a.ProcessId}), b=:{b.Port} (pid {b.ProcessId}); nginx :{proxy.Port} sends this client to {front}");

        // A customer signs in through the proxy and buys an extension for an eligible device (quick purchase).
        await SignIn.AsDemoCustomerAsync(customer, "/buy");
        await customer.WaitForInteractiveAsync();
        var buy = new BuyFormPage(customer);
        await buy.WaitForFormAsync();
        await buy.FillAddressAsync("Sonnenallee 12", "12045", "Berlin");
        await buy.TypeSerialAsync(0, Serial);
        await buy.ChoosePlanAsync(0, "extend to 20 years");
        await buy.TickConsentAsync();
        await buy.ConfirmAsync();
        await customer.Locator("[data-testid=submit-order]").ClickAsync();
        await Assertions.Expect(customer.Locator("[data-testid=order-submitted]")).ToBeVisibleAsync();
        var number = (await customer.Locator("[data-testid=submitted-number]").InnerTextAsync()).Trim();

        // An admin approves it in the audit grid.
        var admin = await NewPageAsync(browser, proxy.BaseUrl);
        await SignIn.AsDemoAdminAsync(admin, "/admin/orders");
        await admin.WaitForInteractiveAsync();
        await admin.Locator("[data-status=Submitted]").ClickAsync();
        await admin.Locator("[data-testid=filter-number] input, input[data-testid=filter-number]").First.FillAsync(number);
        await Assertions.Expect(admin.Locator("[data-testid=audit-grid] [data-testid=order-link]")).ToHaveTextAsync([number]);
        await admin.Locator("[data-testid=audit-grid] tbody tr").First.Locator("input[type=checkbox]").CheckAsync(new() { Force = true });
        await admin.Locator("[data-testid=bulk-approve]").ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("1 order(s) approved");

        // From here the registry holds every coverage write-back, so fulfilment stops between certificate and coverage.
        registry.RecordGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The customer pays by card in test mode.
        await customer.GotoInteractiveAsync($"/orders/{number}/pay");
        await customer.GetByTestId("pay-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await customer.GetByTestId("pay-Card").ClickAsync();
        await customer.WaitForURLAsync("**/checkout/test/**");
        await customer.WaitForInteractiveAsync();
        await customer.Locator("#card-number").FillAsync("4242 4242 4242 4242");
        await customer.Locator("#card-expiry").FillAsync("12 / 34");
        await customer.Locator("#card-cvc").FillAsync("123");
        await customer.Locator("#card-name").FillAsync("Clara Customer");
        await customer.GetByTestId("pay").ClickAsync();
        await customer.WaitForURLAsync("**/checkout/return/**");
        await Assertions.Expect(customer.GetByTestId("payment-outcome")).ToHaveTextAsync("Payment received");

        // Payment posted, invoice and certificate issued, the claim holder waiting on the registry; every email so far sent.
        var holder = await WaitForAsync("the fulfilment claim, certificate and a held registry write-back", async () =>
        {
            if (registry.RecordsWaiting < 1) return null;
            await using var db = database.CreateDbContext();
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Number == number);
            var work = await db.OrderFulfilments.AsNoTracking().SingleOrDefaultAsync(f => f.OrderId == order.Id);
            var certificates = await db.Certificates.CountAsync(c => c.OrderId == order.Id);
            var unsent = await db.OutboxMessages.CountAsync(m => m.Status != OutboxStatus.Sent);
            return work?.ClaimedBy is { } claimedBy && certificates == 1 && unsent == 0 ? claimedBy : null;
        });
        var pid = int.Parse(holder.Split(':')[1], CultureInfo.InvariantCulture);
        var (victim, survivor) = pid == a.ProcessId ? (a, b) : pid == b.ProcessId ? (b, a) : throw new InvalidOperationException($"Claim {holder} is held by neither instance.");
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(OrderStatus.Paid, (await db.Orders.AsNoTracking().SingleAsync(o => o.Number == number)).Status);
            Assert.Equal(1, await db.Invoices.CountAsync(i => i.OrderNumber == number));
        }
        var sentBeforeKill = smtp.Messages.Count;

        // The sign-in cookie one instance issued is read by both (the key ring is in the database): straight at each one.
        foreach (var instance in new[] { a, b })
        {
            await customer.GotoAsync($"{instance.BaseUrl}/orders/{number}");
            await customer.WaitForInteractiveAsync();
            Assert.DoesNotContain("/Account/Login", customer.Url, StringComparison.OrdinalIgnoreCase);
            await Assertions.Expect(customer.Locator("[data-testid=order-status]").First).ToHaveTextAsync("Paid");
        }

        output.WriteLine($"Killing instance {victim.Name} (pid {victim.ProcessId}), which holds order {number}");
        victim.Kill();
        Assert.True(victim.HasExited);
        registry.RecordGate.SetResult();

        // The survivor takes the order over once the lease has run out, and completes it.
        await WaitForAsync($"order {number} completed by instance {survivor.Name}", async () =>
        {
            await using var db = database.CreateDbContext();
            return await db.Orders.AsNoTracking().AnyAsync(o => o.Number == number && o.Status == OrderStatus.Completed) ? "done" : null;
        }, TimeSpan.FromMinutes(2));
        var completedMail = await smtp.WaitForAsync(m => m.Headers["X-WarrantyPortal-Kind"] == "order-completed", TimeSpan.FromSeconds(60));
        Assert.Equal(CustomerEmail, completedMail.To.Mailboxes.Single().Address);

        // Through the proxy again (nginx fails over to the survivor when the customer's instance was the one killed).
        output.WriteLine($"After the kill nginx sends this client to {await UpstreamAsync(customer)}");
        await customer.GotoInteractiveAsync($"/orders/{number}");
        Assert.DoesNotContain("/Account/Login", customer.Url, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(customer.Locator("[data-testid=order-status]").First).ToHaveTextAsync("Completed");
        await customer.ScreenshotAsync("several-instances-order-completed");

        await AssertEachEmailOnceAsync(database, smtp);
        await using (var db = database.CreateDbContext())
        {
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Number == number);
            var certificate = await db.Certificates.AsNoTracking().SingleAsync(c => c.OrderId == order.Id);
            Assert.NotNull(certificate.RegistryRecordedAtUtc);
            Assert.Equal(1, await db.Invoices.CountAsync(i => i.OrderNumber == number));
            AssertUniqueAndGapFree(await db.Certificates.AsNoTracking().Select(c => c.Number).ToListAsync());
            AssertUniqueAndGapFree(await db.Invoices.AsNoTracking().Select(i => i.Number).ToListAsync());
            var orderNumbers = await db.Orders.AsNoTracking().Where(o => o.Number != null).Select(o => o.Number!).ToListAsync();
            Assert.Equal(orderNumbers.Count, orderNumbers.Distinct().Count());
            var extension = Assert.Single(registry.RecordedExtensions, r => r.Serial == Serial);
            Assert.Equal(certificate.Number, extension.Body["certificateNumber"]?.GetValue<string>());
        }
        output.WriteLine($"{smtp.Messages.Count} emails, {sentBeforeKill} before the kill; order {number} completed by {survivor.Name}");
    }

    /// <summary>Every queued email was delivered, and the SMTP server received each exactly once.</summary>
    private static async Task AssertEachEmailOnceAsync(TestDatabase database, SmtpListener smtp)
    {
        int queued = 0;
        await WaitForStaticAsync("every queued email sent", async () =>
        {
            await using var db = database.CreateDbContext();
            queued = await db.OutboxMessages.CountAsync();
            return await db.OutboxMessages.AllAsync(m => m.Status == OutboxStatus.Sent) && smtp.Messages.Count >= queued;
        });
        var received = smtp.Messages.ToList();
        Assert.Equal(queued, received.Count);
        Assert.Equal(queued, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Single(received, m => m.Headers["X-WarrantyPortal-Kind"] == "order-completed");
    }

    private static void AssertUniqueAndGapFree(List<string> numbers)
    {
        foreach (var series in numbers.GroupBy(n => n[..n.LastIndexOf('-')]))
        {
            var values = series.Select(n => int.Parse(n[(n.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(Enumerable.Range(1, values.Count), values);
        }
    }

    private static JsonObject EligibleMicroInverter(string serial)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var commissioned = today.AddMonths(-2);
        var device = FakeRegistryPlatform.Device(serial, end: commissioned.AddYears(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        device["productionDate"] = today.AddMonths(-4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        device["commissioningDate"] = commissioned.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        device["baseWarrantyStart"] = commissioned.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        device["countryCode"] = "DE";
        return device;
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    private static async Task<string> UpstreamAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/health");
        return response.Headers.TryGetValue("x-upstream", out var upstream) ? upstream : "?";
    }

    private static async Task<string> WaitForAsync(string what, Func<Task<string?>> probe, TimeSpan? ceiling = null)
    {
        var deadline = DateTime.UtcNow + (ceiling ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await probe() is { } found) return found;
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting for {what}.");
            await Task.Delay(200);
        }
    }

    private static Task WaitForStaticAsync(string what, Func<Task<bool>> condition) =>
        WaitForAsync(what, async () => await condition() ? "yes" : null);
}
