using System.Diagnostics;
using System.Text;

namespace WarrantyPortal.Tests.TestSupport;

/// <summary>
/// The portal as its own operating-system process (<c>dotnet WarrantyPortal.dll</c>, configured by environment variables
/// as a deployment would be) on a free loopback port. Its console output is kept for the test's failure messages.
/// </summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PortalProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
    }

    public string Name { get; }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>The app's build output beside the tests' (same configuration), run from its project folder like <c>dotnet run</c>.</summary>
    public static string AppDirectory
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testBin.Name;
            var configuration = testBin.Parent!.Name;
            var root = testBin;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "WarrantyPortal.sln"))) root = root.Parent;
            if (root is null) throw new InvalidOperationException("The repository root (WarrantyPortal.sln) was not found above " + AppContext.BaseDirectory);
            return Path.Combine(root.FullName, "WarrantyPortal", "bin", configuration, framework);
        }
    }

    public static PortalProcess Start(string name, IDictionary<string, string> settings)
    {
        var port = SmtpListener.FreePort();
        var appDir = AppDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appDir, "WarrantyPortal.dll")])
        {
            WorkingDirectory = Path.GetFullPath(Path.Combine(appDir, "..", "..", "..")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Development serves the static web assets from the build output (a published app serves its own).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var portal = new PortalProcess(name, port, process);
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return portal;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine($"[{Name}] {line}");
    }

    /// <summary>Waits until the portal answers its health endpoint (it has migrated, seeded and started its workers).</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan ceiling)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + ceiling;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Instance {Name} exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(BaseUrl + "/health");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Instance {Name} did not become healthy within {ceiling}:\n{Output}");
            await Task.Delay(250);
        }
    }

    /// <summary>Stops the process at once, as a crash or a killed container would: no graceful shutdown, nothing handed over.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(30_000);
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
