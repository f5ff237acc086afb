using WarrantyPortal.Features.Registry;
using WarrantyPortal.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddWarrantyPortal();

var app = builder.Build();
if (await app.TryRunRegistryCommandAsync(args)) return;
await app.InitializeAsync();
app.MapWarrantyPortal();
app.Run();

/// <summary>Entry point, visible to the integration tests.</summary>
public partial class Program;
