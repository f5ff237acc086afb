using System.Diagnostics;
using System.Text;

namespace WarrantyPortal.Tests.Faults;

/// <summary>The portal's own executable run as a child process (the command line tools), so a test can kill it for real.</summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PortalProcess(Process process) => _process = process;

    public static PortalProcess Start(string databaseFile, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "WarrantyPortal.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["Database__ConnectionString"] = $"Data Source={databaseFile};Default Timeout=30";
        info.Environment["Portal__SeedDemoData"] = "false";
        var child = new PortalProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        child._process.OutputDataReceived += (_, e) => { lock (child._output) child._output.AppendLine(e.Data); };
        child._process.ErrorDataReceived += (_, e) => { lock (child._output) child._output.AppendLine(e.Data); };
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>SIGKILL: no shutdown, no finally blocks, no flush.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan ceiling)
    {
        using var cts = new CancellationTokenSource(ceiling);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
