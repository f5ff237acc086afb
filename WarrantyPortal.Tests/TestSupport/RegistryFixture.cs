using Microsoft.Extensions.Logging.Abstractions;
using WarrantyPortal.Domain.Eligibility;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.Registry;

namespace WarrantyPortal.Tests.TestSupport;

/// <summary>A migrated test database holding the demo catalogue and the demo fleet, seeded once per test class.</summary>
public sealed class RegistryFixture : IDisposable
{
    public RegistryFixture()
    {
        Database = new TestDatabase();
        new CatalogDemoSeeder(Database, Clock).SeedAsync(default).GetAwaiter().GetResult();
        new RegistryDemoSeeder(Database, Clock, NullLogger<RegistryDemoSeeder>.Instance).SeedAsync(default).GetAwaiter().GetResult();
        Registry = new EmbeddedDeviceRegistry(Database, Clock);
        Catalog = new CatalogQuery(Database);
    }

    public ManualClock Clock { get; } = new();

    public TestDatabase Database { get; }

    public EmbeddedDeviceRegistry Registry { get; }

    public CatalogQuery Catalog { get; }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public EligibilityService Eligibility(IOpenOrderLookup? openOrders = null, IDeviceRegistry? registry = null) =>
        new(registry ?? Registry, Catalog, openOrders ?? new NoOpenOrders(), TestLocalizer.For<EligibilityText>(), Clock);

    public void Dispose() => Database.Dispose();
}
