using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WarrantyPortal.Data;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Tests.TestSupport;

/// <summary>
/// A real database migrated like production: an SQLite file in a temp folder (default), or a fresh
/// PostgreSQL database when <see cref="TestProviders.PostgresAdminConnection"/> is set. Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<ApplicationDbContext>, IDisposable
{
    private readonly string _dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wp-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _pgDatabase;

    public TestDatabase() : this(TestProviders.Sqlite) { }

    public TestDatabase(string provider)
    {
        Provider = provider;
        System.IO.Directory.CreateDirectory(_dir);
        Path = System.IO.Path.Combine(_dir, "test.db");
        if (provider == TestProviders.Postgres)
        {
            var admin = TestProviders.PostgresAdminConnection ?? throw new InvalidOperationException("PostgreSQL is not available.");
            _pgDatabase = "wp_test_" + Guid.NewGuid().ToString("N")[..16];
            ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = _pgDatabase, Pooling = false }.ToString();
        }
        else
        {
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, DefaultTimeout = 30 }.ToString();
        }
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public string Provider { get; }

    public string Path { get; }

    public string ConnectionString { get; }

    public string Folder => _dir;

    public DbContextOptions<ApplicationDbContext> Options
    {
        get
        {
            var b = new DbContextOptionsBuilder<ApplicationDbContext>().UseApplicationServiceProvider(IdentityServices);
            PortalSetup.ConfigureProvider(b, new DatabaseOptions { Provider = Provider, ConnectionString = ConnectionString }, null);
            return b.Options;
        }
    }

    // Identity picks its table schema version from the app's IdentityOptions; give the test contexts the same one.
    private static readonly IServiceProvider IdentityServices = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    public ApplicationDbContext CreateDbContext() => new(Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_pgDatabase is not null)
        {
            using var conn = new NpgsqlConnection(TestProviders.PostgresAdminConnection);
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)";
            cmd.ExecuteNonQuery();
        }
        try { System.IO.Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The database providers service tests run on: SQLite always, PostgreSQL when the test command could start it.</summary>
public static class TestProviders
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Set by scripts/test.sh when it has a PostgreSQL server (e.g. Host=127.0.0.1;Username=postgres;Password=…).</summary>
    public static string? PostgresAdminConnection => Environment.GetEnvironmentVariable("WP_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>For [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))].</summary>
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (PostgresAdminConnection is not null) data.Add(Postgres);
            return data;
        }
    }
}
