using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using WarrantyPortal.Data;

namespace WarrantyPortal.Features.Admin.Orders;

/// <summary>
/// Trigram indexes behind the audit grid's "contains" filters on the customer (name and email) and the company, so that
/// a part of a name is found without reading every order: an FTS5 table with the trigram tokenizer on SQLite, kept equal to
/// the orders by triggers; GIN indexes of pg_trgm on PostgreSQL. A text shorter than <see cref="MinLength"/> has no
/// trigram and is matched by a plain scan, as are all texts on a PostgreSQL server where pg_trgm cannot be installed.
/// </summary>
/// <remarks>
/// The SQL is applied by the initial migration of each provider (scripts/regen-migrations.sh adds the calls).
/// The SQLite index follows the orders' rowid: a migration that rebuilds the Orders table, or a VACUUM, must run
/// <see cref="Create"/> again, which rebuilds the index from the table.
/// </remarks>
public static class OrderAuditSearch
{
    public const int MinLength = 3;
    public const string SqliteTable = "OrderAuditSearch";

    private static readonly string[] SqliteDrop =
    [
        "DROP TRIGGER IF EXISTS \"OrderAuditSearch_Insert\";",
        "DROP TRIGGER IF EXISTS \"OrderAuditSearch_Delete\";",
        "DROP TRIGGER IF EXISTS \"OrderAuditSearch_Update\";",
        "DROP TABLE IF EXISTS \"OrderAuditSearch\";",
    ];

    // External content: the FTS table stores only the index and reads the texts from Orders, keyed by its rowid.
    // Its columns are the stored generated columns of OrderAuditIndexes (name and email lower-cased; the payer's name).
    private static readonly string[] SqliteCreate =
    [
        .. SqliteDrop,
        """
        CREATE VIRTUAL TABLE "OrderAuditSearch" USING fts5("AuditCustomerSearch", "AuditCompany", content='Orders', tokenize='trigram');
        """,
        """
        CREATE TRIGGER "OrderAuditSearch_Insert" AFTER INSERT ON "Orders" BEGIN
          INSERT INTO "OrderAuditSearch"(rowid, "AuditCustomerSearch", "AuditCompany") VALUES (new.rowid, new."AuditCustomerSearch", new."AuditCompany");
        END;
        """,
        """
        CREATE TRIGGER "OrderAuditSearch_Delete" AFTER DELETE ON "Orders" BEGIN
          INSERT INTO "OrderAuditSearch"("OrderAuditSearch", rowid, "AuditCustomerSearch", "AuditCompany") VALUES ('delete', old.rowid, old."AuditCustomerSearch", old."AuditCompany");
        END;
        """,
        """
        CREATE TRIGGER "OrderAuditSearch_Update" AFTER UPDATE OF "Buyer_FullName", "Buyer_Email", "Buyer_PayerName" ON "Orders" BEGIN
          INSERT INTO "OrderAuditSearch"("OrderAuditSearch", rowid, "AuditCustomerSearch", "AuditCompany") VALUES ('delete', old.rowid, old."AuditCustomerSearch", old."AuditCompany");
          INSERT INTO "OrderAuditSearch"(rowid, "AuditCustomerSearch", "AuditCompany") VALUES (new.rowid, new."AuditCustomerSearch", new."AuditCompany");
        END;
        """,
        "INSERT INTO \"OrderAuditSearch\"(\"OrderAuditSearch\") VALUES ('rebuild');",
    ];

    // pg_trgm ships with PostgreSQL but creating it may need rights the portal's user lacks: then the grid keeps its plain
    // LIKE scan and the startup log says so (LogIfMissingAsync).
    private const string PostgresCreate = """
        DO $$
        BEGIN
          CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN OTHERS THEN
          RAISE NOTICE 'pg_trgm is not available (%): the order grid searches texts without a trigram index', SQLERRM;
        END $$;
        DO $$
        BEGIN
          IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
            CREATE INDEX IF NOT EXISTS "IX_Orders_AuditCustomerSearch_Trigram" ON "Orders" USING gin ("AuditCustomerSearch" gin_trgm_ops);
            CREATE INDEX IF NOT EXISTS "IX_Orders_AuditCompany_Trigram" ON "Orders" USING gin (lower("Buyer_PayerName") gin_trgm_ops);
          END IF;
        END $$;
        """;

    private const string PostgresDrop = """
        DROP INDEX IF EXISTS "IX_Orders_AuditCustomerSearch_Trigram";
        DROP INDEX IF EXISTS "IX_Orders_AuditCompany_Trigram";
        """;

    public static void Create(MigrationBuilder m)
    {
        if (IsSqlite(m)) foreach (var sql in SqliteCreate) m.Sql(sql);
        else m.Sql(PostgresCreate);
    }

    public static void Drop(MigrationBuilder m)
    {
        if (IsSqlite(m)) foreach (var sql in SqliteDrop) m.Sql(sql);
        else m.Sql(PostgresDrop);
    }

    /// <summary>Tells at startup when PostgreSQL runs without pg_trgm, so the grid's text filters scan the orders.</summary>
    public static async Task LogIfMissingAsync(ApplicationDbContext db, ILogger logger, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite()) return;
        var found = await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_extension WHERE extname = 'pg_trgm'").SingleAsync(ct);
        if (found == 0)
        {
            logger.LogWarning("PostgreSQL has no pg_trgm extension: the order grid's customer and company filters use a plain LIKE scan. " +
                              "Install it (CREATE EXTENSION pg_trgm, as a superuser) and create the trigram indexes as the README says");
        }
    }

    /// <summary>An FTS5 query matching <paramref name="text"/> anywhere in <paramref name="column"/>: one quoted phrase of trigrams.</summary>
    internal static string Phrase(string column, string text) => $"{column} : \"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>A LIKE pattern for "contains", with the pattern characters escaped by a backslash.</summary>
    internal static string LikeContains(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static bool IsSqlite(MigrationBuilder m) => m.ActiveProvider?.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) == true;
}
