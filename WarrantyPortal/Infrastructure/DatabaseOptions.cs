namespace WarrantyPortal.Infrastructure;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default) or Postgres.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Defaults to an SQLite file under App_Data.</summary>
    public string? ConnectionString { get; set; }
}
