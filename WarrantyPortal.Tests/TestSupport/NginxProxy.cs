using System.Diagnostics;
using System.Text;

namespace WarrantyPortal.Tests.TestSupport;

/// <summary>
/// Debian's nginx in front of several portal instances: sticky by client address (<c>ip_hash</c>), websocket upgrade for
/// Blazor Server's circuits, configuration written to a temp folder and run in the foreground on a free port.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    private NginxProxy(Process process, string dir, int port, string config)
    {
        _process = process;
        _dir = dir;
        Port = port;
        Config = config;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The configuration it runs with (the README shows the same).</summary>
    public string Config { get; }

    public static string? Executable =>
        new[] { "/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx" }.FirstOrDefault(File.Exists);

    public static string ConfigFor(int port, IEnumerable<int> backends, string dir)
    {
        var servers = string.Join("\n", backends.Select(b => $"        server 127.0.0.1:{b} max_fails=1 fail_timeout=30s;"));
        // Run as root (CI containers), nginx would hand its workers to "nobody", who cannot write the temp folder.
        var user = Environment.UserName == "root" ? "user root;" : "";
        return $$"""
            {{user}}
            worker_processes 1;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log {{dir}}/access.log;
                client_body_temp_path {{dir}}/client_body;
                proxy_temp_path {{dir}}/proxy;
                fastcgi_temp_path {{dir}}/fastcgi;
                uwsgi_temp_path {{dir}}/uwsgi;
                scgi_temp_path {{dir}}/scgi;
                client_max_body_size 50m;

                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      close;
                }

                upstream warrantyportal {
                    # Blazor Server keeps each tab's state in one instance: a client must stay on the same one.
                    ip_hash;
            {{servers}}
                }

                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://warrantyportal;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_read_timeout 1h;
                        proxy_buffering off;
                        proxy_next_upstream error timeout http_502 http_503;
                        add_header X-Upstream $upstream_addr always;
                    }
                }
            }
            """;
    }

    /// <summary>Starts nginx on <paramref name="port"/> (chosen before the instances, which put it in their links).</summary>
    public static async Task<NginxProxy> StartAsync(int port, IEnumerable<int> backends)
    {
        var exe = Executable ?? throw new InvalidOperationException("nginx is not installed.");
        var dir = Path.Combine(Path.GetTempPath(), "wp-nginx", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var config = ConfigFor(port, backends, dir);
        var path = Path.Combine(dir, "nginx.conf");
        await File.WriteAllTextAsync(path, config, new UTF8Encoding(false));
        var start = new ProcessStartInfo(exe, ["-p", dir, "-c", path, "-e", Path.Combine(dir, "error.log"), "-g", "daemon off;"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        var proxy = new NginxProxy(process, dir, port, config);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
            try
            {
                using var tcp = new System.Net.Sockets.TcpClient();
                await tcp.ConnectAsync("127.0.0.1", port);
                return proxy;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public string ErrorLog => File.Exists(Path.Combine(_dir, "error.log")) ? File.ReadAllText(Path.Combine(_dir, "error.log")) : "";

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
