using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WarrantyPortal.Tests.TestSupport;

/// <summary>
/// A manufacturer's platform on a real loopback port, speaking the remote registry contract, that can also answer slowly,
/// fail, or send garbage.
/// </summary>
public sealed class FakeRegistryPlatform : IAsyncDisposable
{
    public enum Behaviour
    {
        Normal,
        Slow,
        Fail,
        Garbage,
        DeviceNotAsked,
        BrokenDevice,
    }

    private readonly WebApplication _app;
    private int _requests;

    private FakeRegistryPlatform(WebApplication app) => _app = app;

    public Behaviour Mode { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    public string BaseUrl => _app.Urls.First() + "/api/registry/";

    /// <summary>Devices by serial number, as the platform would serialise them.</summary>
    public Dictionary<string, JsonObject> Devices { get; } = [];

    public List<(string Serial, JsonObject Body)> RecordedExtensions { get; } = [];

    public static async Task<FakeRegistryPlatform> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var platform = new FakeRegistryPlatform(app);
        app.MapPost("/api/registry/devices/lookup", platform.LookupAsync);
        app.MapPost("/api/registry/devices/{serial}/extensions", platform.RecordAsync);
        await app.StartAsync();
        return platform;
    }

    public static JsonObject Device(string serial, string family = "MicroInverter", string end = "2037-01-31") => new()
    {
        ["serialNumber"] = serial,
        ["model"] = "DS3-H",
        ["family"] = family,
        ["ratedPowerW"] = 880,
        ["productionDate"] = "2025-01-02",
        ["commissioningDate"] = "2025-02-01",
        ["baseWarrantyStart"] = "2025-02-01",
        ["baseWarrantyEnd"] = end,
        ["countryCode"] = "FR",
        ["gatewaySerialNumber"] = null,
        ["extensions"] = new JsonArray(),
    };

    private async Task LookupAsync(HttpContext http)
    {
        Interlocked.Increment(ref _requests);
        switch (Mode)
        {
            case Behaviour.Slow:
                try { await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted); } catch (OperationCanceledException) { }
                return;
            case Behaviour.Fail:
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            case Behaviour.Garbage:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("<html>maintenance</html>");
                return;
        }
        var request = await JsonNode.ParseAsync(http.Request.Body);
        var asked = request!["serialNumbers"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var devices = new JsonArray();
        foreach (var sn in asked.Where(Devices.ContainsKey)) devices.Add(Devices[sn].DeepClone());
        if (Mode == Behaviour.DeviceNotAsked) devices.Add(Device("702011112222"));
        if (Mode == Behaviour.BrokenDevice) devices.Add(new JsonObject { ["serialNumber"] = asked[0], ["model"] = "DS3-H" });
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject { ["devices"] = devices }.ToJsonString());
    }

    /// <summary>While set and not completed, extension writes wait (the caller sees a slow platform) until it completes.</summary>
    public TaskCompletionSource? RecordGate { get; set; }

    /// <summary>Extension writes waiting at <see cref="RecordGate"/> right now.</summary>
    public int RecordsWaiting => Volatile.Read(ref _recordsWaiting);

    private int _recordsWaiting;

    private async Task RecordAsync(HttpContext http, string serial)
    {
        Interlocked.Increment(ref _requests);
        if (RecordGate is { } gate)
        {
            Interlocked.Increment(ref _recordsWaiting);
            try
            {
                await gate.Task.WaitAsync(http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            finally
            {
                Interlocked.Decrement(ref _recordsWaiting);
            }
        }
        if (!Devices.ContainsKey(serial))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        lock (RecordedExtensions) RecordedExtensions.Add((serial, body));
        Devices[serial]["extensions"]!.AsArray().Add(body.DeepClone());
        http.Response.StatusCode = StatusCodes.Status201Created;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
