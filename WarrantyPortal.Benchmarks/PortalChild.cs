using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace WarrantyPortal.Benchmarks;

/// <summary>
/// The real portal in its own operating-system process (<c>dotnet WarrantyPortal.dll</c> from the build output of the same
/// configuration as this program), configured by environment variables, with its own SQLite file and the demo data, so
/// that what is measured in it is the portal alone.
/// </summary>
internal sealed class PortalChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http;

    private PortalChild(Process process, int port, string folder)
    {
        _process = process;
        Folder = folder;
        BaseUrl = $"http://127.0.0.1:{port}";
        _http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
    }

    public string BaseUrl { get; }

    public string Folder { get; }

    public int ProcessId => _process.Id;

    public static async Task<PortalChild> StartAsync(string name, IDictionary<string, string>? extra = null)
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = bin.Name;
        var configuration = bin.Parent!.Name;
        var root = bin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "WarrantyPortal.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("The repository root (WarrantyPortal.sln) was not found above " + AppContext.BaseDirectory);
        var appDir = Path.Combine(root.FullName, "WarrantyPortal", "bin", configuration, framework);

        var folder = Path.Combine(Path.GetTempPath(), "warrantyportal-bench", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appDir, "WarrantyPortal.dll")])
        {
            WorkingDirectory = Path.Combine(root.FullName, "WarrantyPortal"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Development: the static web assets (blazor.web.js, MudBlazor) are served from the build output only there.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var settings = new Dictionary<string, string>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "portal.db")}",
            ["Portal:SeedDemoData"] = "true",
            ["Mail:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) settings[k] = v;
        foreach (var (k, v) in settings) start.Environment[k.Replace(":", "__")] = v;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new PortalChild(process, port, folder);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await child.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
        return child;
    }

    /// <summary>The portal's managed heap after full blocking compacting collections, its working set and its open circuits.</summary>
    public async Task<MemoryReport> MemoryAsync() =>
        (await _http.GetFromJsonAsync<MemoryReport>("/_diagnostics/memory"))!;

    private async Task WaitUntilHealthyAsync(TimeSpan ceiling)
    {
        var deadline = DateTime.UtcNow + ceiling;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The portal exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await _http.GetAsync("/health");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The portal did not become healthy within {ceiling}:\n{Output}");
            await Task.Delay(250);
        }
    }

    private string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(30_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        _http.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}

internal sealed record MemoryReport(long ManagedBytes, long WorkingSetBytes, int OpenCircuits, int ProcessId);
