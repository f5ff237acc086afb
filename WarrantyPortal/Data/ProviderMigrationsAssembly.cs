#pragma warning disable EF1001 // MigrationsAssembly is the documented extension point for choosing migrations; it lives in an internal namespace.
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace WarrantyPortal.Data;

/// <summary>
/// One model, a migration set per provider: Data/Migrations/Sqlite and Data/Migrations/Postgres.
/// This shows EF only the migrations and the snapshot of the provider in use.
/// </summary>
public sealed class ProviderMigrationsAssembly : MigrationsAssembly
{
    private readonly string _namespace;

    public ProviderMigrationsAssembly(
        ICurrentDbContext currentContext,
        IDbContextOptions options,
        IMigrationsIdGenerator idGenerator,
        IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
        : base(currentContext, options, idGenerator, logger)
    {
        var provider = currentContext.Context.Database.ProviderName ?? "";
        _namespace = provider.Contains("Npgsql", StringComparison.OrdinalIgnoreCase)
            ? "WarrantyPortal.Data.Migrations.Postgres"
            : "WarrantyPortal.Data.Migrations.Sqlite";
    }

    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        base.Migrations.Where(m => m.Value.Namespace == _namespace).ToDictionary(m => m.Key, m => m.Value);

    public override ModelSnapshot? ModelSnapshot =>
        Assembly.GetTypes()
            .Where(t => t.Namespace == _namespace && typeof(ModelSnapshot).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (ModelSnapshot)Activator.CreateInstance(t)!)
            .FirstOrDefault();
}
