using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WarrantyPortal.Tests.TestSupport;

/// <summary>
/// The EU's VIES REST service on a real loopback port: <c>POST /rest-api/check-vat-number</c> answers as VIES does
/// (registered numbers valid with a name and address, others not), and can also be slow, fail, send garbage or report
/// that a member state is not answering.
/// </summary>
public sealed class FakeVies : IAsyncDisposable
{
    public enum Behaviour
    {
        Normal,
        Slow,
        ServerError,
        Garbage,
        MemberStateUnavailable,
    }

    private readonly WebApplication _app;
    private int _requests;

    private FakeVies(WebApplication app) => _app = app;

    public Behaviour Mode { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    public string BaseUrl => _app.Urls.First() + "/taxation_customs/vies/rest-api/";

    /// <summary>Registered numbers (with their prefix) and the trader's name and address VIES discloses.</summary>
    public Dictionary<string, (string Name, string Address)> Registered { get; } = new()
    {
        ["DE811128135"] = ("Sonnenstrom GmbH", "Sonnenallee 12\n12045 Berlin"),
        ["NL004495445B01"] = ("---", "---"),
    };

    public List<JsonObject> Received { get; } = [];

    public static async Task<FakeVies> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var vies = new FakeVies(app);
        app.MapPost("/taxation_customs/vies/rest-api/check-vat-number", vies.CheckAsync);
        await app.StartAsync();
        return vies;
    }

    private async Task CheckAsync(HttpContext http)
    {
        Interlocked.Increment(ref _requests);
        var request = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        lock (Received) Received.Add(request);
        switch (Mode)
        {
            case Behaviour.Slow:
                try { await Task.Delay(TimeSpan.FromSeconds(60), http.RequestAborted); } catch (OperationCanceledException) { }
                return;
            case Behaviour.ServerError:
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("""{"actionSucceed":false,"errorWrappers":[{"error":"SERVICE_UNAVAILABLE"}]}""");
                return;
            case Behaviour.Garbage:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("<html><body>Service temporarily unavailable</body></html>");
                return;
        }
        var country = request["countryCode"]!.GetValue<string>();
        var number = request["vatNumber"]!.GetValue<string>();
        var registered = Registered.TryGetValue(country + number, out var trader) && Mode == Behaviour.Normal;
        var answer = new JsonObject
        {
            ["countryCode"] = country,
            ["vatNumber"] = number,
            ["requestDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
            ["valid"] = registered,
            ["requestIdentifier"] = registered ? "WAPIAAAAZ1234567" : "",
            ["name"] = registered ? trader.Name : "---",
            ["address"] = registered ? trader.Address : "---",
            ["traderName"] = "---",
            ["userError"] = Mode == Behaviour.MemberStateUnavailable ? "MS_UNAVAILABLE" : registered ? "VALID" : "INVALID",
        };
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(answer.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
