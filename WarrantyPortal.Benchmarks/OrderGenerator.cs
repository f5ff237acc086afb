using System.Globalization;
using Microsoft.Data.Sqlite;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Benchmarks;

/// <summary>Values taken from the generated store, for filters that find something.</summary>
internal sealed class OrderSample
{
    public List<string> Numbers { get; } = [];
    public List<string> Serials { get; } = [];
    public List<string> Emails { get; } = [];
    public long Lines { get; set; }
    public DateTime LastSubmitted { get; set; }

    public string Number(Random r) => Numbers[r.Next(Numbers.Count)];
    public string Serial(Random r) => Serials[r.Next(Serials.Count)];
    public string Email(Random r) => Emails[r.Next(Emails.Count)];
    public string CustomerPart(Random r)
    {
        var name = OrderGenerator.LastNames[r.Next(OrderGenerator.LastNames.Length)];
        return name[..Math.Min(5, name.Length)].ToLowerInvariant();
    }

    public string CompanyPart(Random r) => OrderGenerator.CompanyWords[r.Next(OrderGenerator.CompanyWords.Length)];
    public string Country(Random r) => OrderGenerator.Countries[r.Next(OrderGenerator.Countries.Length)].Code;
    public string Currency(Random r) => r.Next(3) switch { 0 => "EUR", 1 => "GBP", _ => "USD" };
}

/// <summary>
/// Writes N orders straight into the portal's SQLite schema: one transaction, prepared statements, the tables' indexes
/// dropped while loading and built again afterwards (as a bulk load does). Distributions follow a store that grew over
/// four years: more orders lately, a few resellers placing half of them, most old orders completed, batches of devices
/// with consecutive serial numbers.
/// </summary>
internal static class OrderGenerator
{
    public static readonly string[] FirstNames =
        ["Jean", "Marie", "Pierre", "Sophie", "Lukas", "Anna", "Jan", "Emma", "Lucas", "Julia", "Marco", "Giulia", "Carlos", "Lucia", "James",
         "Olivia", "Noah", "Mia", "Paul", "Lea", "Thomas", "Laura", "David", "Sara", "Hugo", "Chloe", "Felix", "Hannah", "Louis", "Ines"];

    public static readonly string[] LastNames =
        ["Dupont", "Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefebvre", "Mueller", "Schmidt", "Schneider", "Fischer", "Weber",
         "Wagner", "Becker", "Janssen", "DeVries", "VanDijk", "Peeters", "Maes", "Garcia", "Fernandez", "Lopez", "Martinez", "Rossi",
         "Russo", "Ferrari", "Esposito", "Bianchi", "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Miller",
         "Davis", "Anderson", "Thomson", "Roberts", "Keller", "Huber", "Meier", "Brunner", "Gerber", "Fontaine", "Rousseau", "Vincent",
         "Morel", "Girard", "Andre", "Mercier", "Blanc", "Guerin", "Boyer", "Garnier", "Chevalier", "Francois", "Legrand", "Gauthier"];

    public static readonly string[] CompanyWords =
        ["solar", "sun", "energie", "power", "volt", "helios", "green", "watt", "photon", "eco", "enertech", "lumen"];

    private static readonly string[] CompanySuffixes = ["SARL", "SAS", "GmbH", "BV", "SRL", "Ltd", "SL", "AG", "Inc"];

    public static readonly (string Code, int Weight, string[] Currencies)[] Countries =
    [
        ("FR", 28, ["EUR"]), ("DE", 20, ["EUR"]), ("NL", 10, ["EUR"]), ("BE", 7, ["EUR"]), ("ES", 8, ["EUR"]), ("IT", 7, ["EUR"]),
        ("GB", 7, ["GBP", "GBP", "GBP", "EUR"]), ("US", 6, ["USD"]), ("AU", 3, ["AUD"]), ("CH", 2, ["CHF", "EUR"]),
        ("CN", 1, ["CNY", "USD"]), ("JP", 1, ["JPY"]),
    ];

    /// <summary>Model, product name, serial prefix, digits after it, plan code, plan name, list price in euro cents.</summary>
    private static readonly (string Model, string Name, string Prefix, int Digits, string Plan, string PlanName, long PriceEurCents)[] Products =
    [
        ("DS3-H", "DS3-H · Micro inverter", "7020", 8, "MI-TO20", "Extension to 20 years", 59_00),
        ("DS3-L", "DS3-L · Micro inverter", "7021", 8, "MI-TO25", "Extension to 25 years", 79_00),
        ("QT2D", "QT2D · Micro inverter", "8060", 8, "MI-TO20", "Extension to 20 years", 89_00),
        ("SI-10K", "SI-10K · String inverter", "SI1ES120N", 5, "SI-TO15", "Extension to 15 years", 390_00),
        ("SI-20K", "SI-20K · String inverter", "SI2ES120N", 5, "SI-TO20", "Extension to 20 years", 590_00),
        ("HY-6K", "HY-6K · Hybrid inverter", "HY3K6ES22", 7, "HY-TO15", "Extension to 15 years", 490_00),
        ("BT-5K", "BT-5K · Battery", "BT5K1LV2", 7, "BT-TO10", "Extension to 10 years", 290_00),
    ];

    private static readonly Dictionary<string, double> PerEuro = new()
    {
        ["EUR"] = 1, ["USD"] = 1.08, ["GBP"] = 0.85, ["AUD"] = 1.65, ["CHF"] = 0.95, ["CNY"] = 7.8, ["JPY"] = 1.6, // JPY has no minor unit
    };

    private sealed record Customer(string UserId, string FullName, string Email, string Country, string Currency, bool Company, string PayerName,
        string? TaxId, string Phone, string Street, string PostalCode, string City);

    public static OrderSample Fill(string connectionString, int count)
    {
        var random = new Random(20_261_123);
        var sample = new OrderSample();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Exec(connection, "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
        // Indexes and the search index's triggers are dropped while loading, built again afterwards.
        var derived = Derived(connection).Where(o => o.Type is "index" or "trigger").ToList();
        foreach (var o in derived) Exec(connection, $"DROP {o.Type.ToUpperInvariant()} \"{o.Name}\"");

        var customers = Customers(random, 20_000);
        var now = DateTime.UtcNow;
        var start = now.AddYears(-4);
        var span = (now.AddMinutes(-5) - start).Ticks;
        var serialCounters = new long[Products.Length];
        var daySequence = (Day: DateOnly.MinValue, N: 0);

        using var tx = connection.BeginTransaction();
        using var order = Prepared(connection, tx, "Orders",
            ["Id", "Number", "CustomerUserId", "Status", "Currency", "ReverseCharge", "ConsentToImmediateStart", "StandardTotalMinor", "SubtotalMinor",
             "VatMinor", "TotalMinor", "CreatedAtUtc", "SubmittedAtUtc", "AuditedAtUtc", "PaidAtUtc", "CompletedAtUtc", "ClosedAtUtc", "PaymentMethod",
             "CloseReason", "Version", "Buyer_Country", "Buyer_Email", "Buyer_FullName", "Buyer_PayerKind", "Buyer_PayerName", "Buyer_Phone",
             "Buyer_TaxId", "Buyer_BillingAddress_City", "Buyer_BillingAddress_Country", "Buyer_BillingAddress_Line1", "Buyer_BillingAddress_PostalCode",
             "Buyer_InstallationAddress_City", "Buyer_InstallationAddress_Country", "Buyer_InstallationAddress_Line1", "Buyer_InstallationAddress_PostalCode"]);
        using var line = Prepared(connection, tx, "OrderLines",
            ["OrderId", "SerialNumber", "ProductModel", "ProductName", "PlanCode", "PlanName", "Quantity", "StandardUnitPriceMinor", "UnitPriceMinor", "VatRateBasisPoints"]);

        for (var i = 0; i < count; i++)
        {
            // More orders lately: submission times spread as x^0.7 over four years.
            var submitted = start.AddTicks((long)(span * Math.Pow((i + random.NextDouble()) / count, 0.7)));
            if (submitted > now.AddMinutes(-5)) submitted = now.AddMinutes(-5);
            var c = random.Next(2) == 0 ? customers[random.Next(600)] : customers[random.Next(customers.Count)];
            var day = DateOnly.FromDateTime(submitted);
            daySequence = daySequence.Day == day ? (day, daySequence.N + 1) : (day, 1);
            var number = OrderNumber.Format(day, daySequence.N);
            var id = Guid.CreateVersion7(submitted);
            var (status, method) = Fate(random, (now - submitted).TotalDays);

            var p = random.Next(Products.Length);
            var lines = LineCount(random, c.Company);
            var discount = c.Company && lines > 4 ? 0.85 : 1.0;
            var unitList = (long)Math.Round(Products[p].PriceEurCents * PerEuro[c.Currency]);
            var unit = (long)Math.Round(unitList * discount);
            var reverse = c.Company && c.Country != "FR" && c.Currency == "EUR";
            var vatBp = reverse || c.Country is "US" or "AU" or "CN" or "JP" ? 0 : 2000;
            var subtotal = unit * lines;
            var vat = subtotal * vatBp / 10_000;
            var audited = submitted.AddHours(2 + random.Next(40));
            var paid = audited.AddHours(1 + random.Next(72));

            Set(order, id.ToString().ToUpperInvariant(), number, c.UserId, status.ToString(), c.Currency, reverse ? 1 : 0, 1, unitList * lines, subtotal, vat,
                subtotal + vat, Time(submitted.AddMinutes(-3)), Time(submitted),
                status is OrderStatus.Submitted ? null : Time(audited),
                status is OrderStatus.Paid or OrderStatus.Completed ? Time(paid) : null,
                status is OrderStatus.Completed ? Time(paid.AddMinutes(1)) : null,
                status is OrderStatus.Rejected or OrderStatus.Cancelled or OrderStatus.Expired ? Time(audited.AddDays(status == OrderStatus.Expired ? 14 : 0)) : null,
                method?.ToString(),
                status switch { OrderStatus.Rejected => "The device is not registered in the buyer's country.", OrderStatus.Cancelled => "Ordered twice.", _ => null },
                Guid.NewGuid().ToString().ToUpperInvariant(), c.Country, c.Email, c.FullName, c.Company ? "Company" : "Person", c.PayerName, c.Phone, c.TaxId,
                c.City, c.Country, c.Street, c.PostalCode, c.City, c.Country, c.Street, c.PostalCode);
            order.ExecuteNonQuery();

            var product = Products[p];
            for (var l = 0; l < lines; l++)
            {
                var serial = product.Prefix + (++serialCounters[p]).ToString("D" + product.Digits, CultureInfo.InvariantCulture);
                Set(line, id.ToString().ToUpperInvariant(), serial, product.Model, product.Name, product.Plan, product.PlanName, 1, unitList, unit, vatBp);
                line.ExecuteNonQuery();
                if (random.Next(400) == 0 && sample.Serials.Count < 20_000) sample.Serials.Add(serial);
            }
            sample.Lines += lines;
            if (random.Next(200) == 0 && sample.Numbers.Count < 20_000) sample.Numbers.Add(number);
            if (random.Next(500) == 0 && sample.Emails.Count < 5_000) sample.Emails.Add(c.Email);
            sample.LastSubmitted = submitted;
            if ((i + 1) % 100_000 == 0) Console.WriteLine($"  {i + 1:N0} orders…");
        }
        tx.Commit();
        Console.WriteLine("  building the indexes…");
        foreach (var o in derived) Exec(connection, o.Sql);
        foreach (var o in Derived(connection).Where(o => o.Type == "virtual")) Rebuild(connection, o);
        Exec(connection, "PRAGMA synchronous=NORMAL; PRAGMA wal_checkpoint(TRUNCATE);");
        return sample;
    }

    /// <summary>
    /// Takes up a store generated by an earlier run when its tables are defined as the current schema's
    /// (<paramref name="schemaConnectionString"/>: an empty database the migrations just made) and it holds
    /// <paramref name="count"/> orders: indexes, triggers and search tables that changed are dropped and built again,
    /// which takes seconds where generating takes minutes. Returns null when the store must be generated again.
    /// </summary>
    public static OrderSample? Reuse(string connectionString, string schemaConnectionString, int count)
    {
        using var connection = new SqliteConnection(connectionString);
        using var schema = new SqliteConnection(schemaConnectionString);
        connection.Open();
        schema.Open();
        string? Table(SqliteConnection c, string name) => Scalar(c, $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{name}'") as string;
        foreach (var table in new[] { "Orders", "OrderLines" })
        {
            if (Table(connection, table) is not { } sql || sql != Table(schema, table))
            {
                Console.WriteLine($"  the {table} table changed: generating again");
                return null;
            }
        }
        if (Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM \"Orders\""), CultureInfo.InvariantCulture) != count) return null;

        Exec(connection, "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
        var have = Derived(connection);
        var want = Derived(schema);
        // Triggers first and virtual tables last when dropping; the other way round when creating.
        int Rank(SchemaObject o) => o.Type switch { "trigger" => 0, "index" => 1, _ => 2 };
        foreach (var o in have.Except(want).OrderBy(Rank))
        {
            Console.WriteLine($"  dropping {o.Type} {o.Name}");
            Exec(connection, o.Type == "virtual" ? $"DROP TABLE \"{o.Name}\"" : $"DROP {o.Type.ToUpperInvariant()} \"{o.Name}\"");
        }
        foreach (var o in want.Except(have).OrderByDescending(Rank))
        {
            Console.WriteLine($"  building {o.Type} {o.Name}");
            Exec(connection, o.Sql);
            if (o.Type == "virtual") Rebuild(connection, o);
        }
        Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE);");

        var sample = new OrderSample
        {
            Lines = Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM \"OrderLines\""), CultureInfo.InvariantCulture),
            LastSubmitted = DateTime.Parse((string)Scalar(connection, "SELECT max(\"SubmittedAtUtc\") FROM \"Orders\"")!, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        };
        // The same shares of the store as generating takes: every 200th order's number, every 400th serial number, every 500th email.
        Read(connection, "SELECT \"Number\" FROM \"Orders\" WHERE rowid % 200 = 0 LIMIT 20000", sample.Numbers);
        Read(connection, "SELECT \"SerialNumber\" FROM \"OrderLines\" WHERE rowid % 400 = 0 LIMIT 20000", sample.Serials);
        Read(connection, "SELECT \"Buyer_Email\" FROM \"Orders\" WHERE rowid % 500 = 0 LIMIT 5000", sample.Emails);
        return sample;
    }

    private sealed record SchemaObject(string Type, string Name, string Sql);

    /// <summary>What the store derives from the orders and their lines: indexes, triggers and virtual (search) tables.</summary>
    private static List<SchemaObject> Derived(SqliteConnection connection)
    {
        var list = new List<SchemaObject>();
        using var read = connection.CreateCommand();
        read.CommandText = """
            SELECT type, name, sql FROM sqlite_master
            WHERE sql IS NOT NULL AND ((type IN ('index', 'trigger') AND tbl_name IN ('Orders', 'OrderLines'))
               OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'))
            """;
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            var type = reader.GetString(0) == "table" ? "virtual" : reader.GetString(0);
            list.Add(new SchemaObject(type, reader.GetString(1), reader.GetString(2)));
        }
        return list;
    }

    /// <summary>Fills an external-content full-text table from the table it indexes.</summary>
    private static void Rebuild(SqliteConnection connection, SchemaObject table)
    {
        if (!table.Sql.Contains("content=", StringComparison.OrdinalIgnoreCase)) return;
        Console.WriteLine($"  filling the search table {table.Name}…");
        Exec(connection, $"INSERT INTO \"{table.Name}\"(\"{table.Name}\") VALUES ('rebuild')");
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Read(SqliteConnection connection, string sql, List<string> into)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) into.Add(reader.GetString(0));
    }

    /// <summary>Where an order of this age stands, and the payment method it shows.</summary>
    private static (OrderStatus, PaymentMethod?) Fate(Random random, double ageDays)
    {
        var roll = random.Next(1000);
        OrderStatus status;
        if (ageDays < 2) status = roll < 800 ? OrderStatus.Submitted : roll < 900 ? OrderStatus.Approved : roll < 950 ? OrderStatus.Rejected : OrderStatus.Cancelled;
        else if (ageDays < 14)
        {
            status = roll < 150 ? OrderStatus.Submitted : roll < 350 ? OrderStatus.Approved : roll < 450 ? OrderStatus.AwaitingTransfer
                : roll < 500 ? OrderStatus.Paid : roll < 850 ? OrderStatus.Completed : roll < 920 ? OrderStatus.Rejected : OrderStatus.Cancelled;
        }
        else
        {
            status = roll < 3 ? OrderStatus.Submitted : roll < 13 ? OrderStatus.Paid : roll < 730 ? OrderStatus.Completed
                : roll < 810 ? OrderStatus.Rejected : roll < 900 ? OrderStatus.Cancelled : OrderStatus.Expired;
        }
        var pay = random.Next(100);
        PaymentMethod chosen = pay < 50 ? PaymentMethod.Card : pay < 58 ? PaymentMethod.Alipay : pay < 72 ? PaymentMethod.EuBankTransfer : PaymentMethod.WireTransfer;
        PaymentMethod? method = status switch
        {
            OrderStatus.Paid or OrderStatus.Completed => chosen,
            OrderStatus.AwaitingTransfer => PaymentMethod.WireTransfer,
            OrderStatus.Approved or OrderStatus.Expired => random.Next(2) == 0 ? null : chosen,
            OrderStatus.Cancelled => random.Next(5) == 0 ? chosen : null,
            _ => null,
        };
        return (status, method);
    }

    /// <summary>Most orders cover one device; companies send batches, a few of them large.</summary>
    private static int LineCount(Random random, bool company)
    {
        var roll = random.Next(1000);
        if (!company) return roll < 850 ? 1 : roll < 980 ? 2 + random.Next(3) : 5 + random.Next(10);
        return roll < 600 ? 1 : roll < 850 ? 2 + random.Next(3) : roll < 990 ? 5 + random.Next(16) : 21 + random.Next(100);
    }

    private static List<Customer> Customers(Random random, int count)
    {
        var total = Countries.Sum(c => c.Weight);
        var list = new List<Customer>(count);
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(total);
            var country = Countries.First(c => (pick -= c.Weight) < 0);
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            // The first customers are the busy resellers: companies.
            var company = i < 600 || random.Next(100) < 25;
            var payer = company
                ? $"{char.ToUpperInvariant(CompanyWords[random.Next(CompanyWords.Length)][0])}{CompanyWords[random.Next(CompanyWords.Length)][1..]}{CompanyWords[random.Next(CompanyWords.Length)]} {CompanySuffixes[random.Next(CompanySuffixes.Length)]}"
                : $"{first} {last}";
            list.Add(new Customer($"bench-user-{i:D6}", $"{first} {last}", $"{first}.{last}.{i}@example.test".ToLowerInvariant(), country.Code,
                country.Currencies[random.Next(country.Currencies.Length)], company, payer,
                company ? $"{country.Code}{random.Next(10_000_000, 99_999_999)}{random.Next(100, 999)}" : null,
                $"+{random.Next(30, 49)} {random.Next(100_000_000, 999_999_999)}", $"{random.Next(1, 200)} rue de la Gare", $"{random.Next(10_000, 99_999)}",
                LastNames[random.Next(LastNames.Length)] + "ville"));
        }
        return list;
    }

    private static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction tx, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Length; i++) command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    /// <summary>Times as the portal's SQLite provider writes them.</summary>
    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
