using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WarrantyPortal.Tests.TestSupport;

/// <summary>
/// A stand-in for api.stripe.com on loopback: answers the Checkout Session calls the portal makes the way Stripe
/// does (form-encoded requests, JSON objects, idempotency keys replaying the first answer) and records every request.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _sessions = new();
    private readonly ConcurrentDictionary<string, string> _idempotent = new();

    public sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Form, string? IdempotencyKey, string? Authorization);

    private FakeStripe(WebApplication app) => _app = app;

    public ConcurrentQueue<Request> Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    /// <summary>When set, session creation answers 500 like an outage.</summary>
    public bool Down { get; set; }

    /// <summary>When set, session creation drops the connection without an answer, like a network failure.</summary>
    public bool Unreachable { get; set; }

    /// <summary>When set, session creation answers only after this long, like an overloaded API.</summary>
    public TimeSpan Delay { get; set; }

    public static async Task<FakeStripe> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeStripe(app);
        app.MapPost("/v1/customers", (Delegate)fake.CreateCustomerAsync);
        app.MapPost("/v1/checkout/sessions", (Delegate)fake.CreateSessionAsync);
        app.MapGet("/v1/checkout/sessions/{id}", (Delegate)fake.GetSession);
        app.MapPost("/v1/checkout/sessions/{id}/expire", (Delegate)fake.ExpireSessionAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    public IEnumerable<Request> SessionCreations => Requests.Where(r => r.Method == "POST" && r.Path == "/v1/checkout/sessions");

    public JsonObject Session(string id) => _sessions[id];

    /// <summary>What Stripe does when the customer pays: the session completes (paid, or unpaid for a delayed method).</summary>
    public JsonObject Complete(string id, string paymentStatus = "paid")
    {
        var s = _sessions[id];
        s["status"] = "complete";
        s["payment_status"] = paymentStatus;
        s["payment_intent"] ??= "pi_" + Guid.NewGuid().ToString("N")[..24];
        return s;
    }

    public JsonObject Expire(string id)
    {
        var s = _sessions[id];
        s["status"] = "expired";
        return s;
    }

    private async Task<IResult> CreateCustomerAsync(HttpContext http)
    {
        var form = await RecordAsync(http);
        return Replay(http, () => new JsonObject { ["id"] = "cus_" + Guid.NewGuid().ToString("N")[..14], ["object"] = "customer", ["email"] = form.GetValueOrDefault("email") });
    }

    private async Task<IResult> CreateSessionAsync(HttpContext http)
    {
        var form = await RecordAsync(http);
        if (Unreachable)
        {
            http.Abort();
            return Results.Empty;
        }
        if (Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(Delay, http.RequestAborted); }
            catch (OperationCanceledException) { return Results.Empty; }
        }
        if (Down) return Error(500, "api_error", "Stripe is having a bad day.");
        if (!form.ContainsKey("line_items[0][price_data][unit_amount]")) return Error(400, "invalid_request_error", "You must provide line_items.");
        return Replay(http, () =>
        {
            var id = "cs_test_" + Guid.NewGuid().ToString("N");
            long total = 0;
            for (var i = 0; form.ContainsKey($"line_items[{i}][price_data][unit_amount]"); i++)
            {
                total += long.Parse(form[$"line_items[{i}][price_data][unit_amount]"]) * long.Parse(form.GetValueOrDefault($"line_items[{i}][quantity]", "1"));
            }
            var metadata = new JsonObject();
            foreach (var (k, v) in form.Where(f => f.Key.StartsWith("metadata[")))
            {
                metadata[k["metadata[".Length..^1]] = v;
            }
            var session = new JsonObject
            {
                ["id"] = id,
                ["object"] = "checkout.session",
                ["amount_subtotal"] = total,
                ["amount_total"] = total,
                ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
                ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["currency"] = form.GetValueOrDefault("currency"),
                ["customer"] = form.GetValueOrDefault("customer"),
                ["customer_email"] = form.GetValueOrDefault("customer_email"),
                ["expires_at"] = long.Parse(form.GetValueOrDefault("expires_at", DateTimeOffset.UtcNow.AddHours(24).ToUnixTimeSeconds().ToString())),
                ["livemode"] = false,
                ["metadata"] = metadata,
                ["mode"] = form.GetValueOrDefault("mode"),
                ["payment_intent"] = null,
                ["payment_status"] = "unpaid",
                ["status"] = "open",
                ["success_url"] = form.GetValueOrDefault("success_url"),
                ["cancel_url"] = form.GetValueOrDefault("cancel_url"),
                ["url"] = "https://checkout.stripe.com/c/pay/" + id,
            };
            _sessions[id] = session;
            return session;
        });
    }

    private IResult GetSession(HttpContext http, string id)
    {
        Requests.Enqueue(new Request("GET", http.Request.Path, new Dictionary<string, string>(), null, http.Request.Headers.Authorization));
        return _sessions.TryGetValue(id, out var s) ? Json(s) : Error(404, "invalid_request_error", $"No such checkout.session: '{id}'");
    }

    private async Task<IResult> ExpireSessionAsync(HttpContext http, string id)
    {
        await RecordAsync(http);
        if (!_sessions.TryGetValue(id, out var s)) return Error(404, "invalid_request_error", $"No such checkout.session: '{id}'");
        if ((string?)s["status"] != "open") return Error(400, "invalid_request_error", "Only Checkout Sessions with a status in [\"open\"] can be expired.");
        s["status"] = "expired";
        return Json(s);
    }

    private async Task<Dictionary<string, string>> RecordAsync(HttpContext http)
    {
        var form = http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
            : new Dictionary<string, string>();
        Requests.Enqueue(new Request(http.Request.Method, http.Request.Path, form, http.Request.Headers["Idempotency-Key"].FirstOrDefault(), http.Request.Headers.Authorization));
        return form;
    }

    /// <summary>Like Stripe: a repeated idempotency key gets the first answer back, not a second object.</summary>
    private IResult Replay(HttpContext http, Func<JsonObject> create)
    {
        var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
        if (key is null) return Json(create());
        var body = _idempotent.GetOrAdd(http.Request.Path + "|" + key, _ => create().ToJsonString());
        return Results.Content(body, "application/json");
    }

    private static IResult Json(JsonObject o) => Results.Content(o.ToJsonString(), "application/json");

    private static IResult Error(int status, string type, string message) =>
        Results.Content(new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["message"] = message } }.ToJsonString(), "application/json", statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
