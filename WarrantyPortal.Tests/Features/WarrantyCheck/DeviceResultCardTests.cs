using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.WarrantyCheck;

namespace WarrantyPortal.Tests.Features.WarrantyCheck;

public sealed class DeviceResultCardTests : BunitContext, IAsyncLifetime
{
    private readonly WarrantyPortal.Tests.TestSupport.TestDatabase _db = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public DeviceResultCardTests()
    {
        Services.AddMudServices();
        Services.AddLocalization();
        // The card's certificate links ask the documents service whether the viewer may download the PDF.
        Services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<WarrantyPortal.Data.ApplicationDbContext>>(_db);
        Services.AddSingleton(WarrantyPortal.Features.Documents.DocumentAssets.Load());
        Services.AddSingleton<WarrantyPortal.Features.Documents.CertificatePdf>();
        Services.AddSingleton<WarrantyPortal.Features.Documents.InvoicePdf>();
        Services.AddOptions();
        Services.AddSingleton<WarrantyPortal.Features.Fulfilment.OrderDocuments>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        _db.Dispose();
        return base.DisposeAsync().AsTask();
    }

    [Fact]
    public void Render_ExtendedDevice_ShowsValidStateYearsAndCertificate()
    {
        var result = new CheckResult("7020 0009 6622", "702000096622", CoverageState.Valid, "DS3-H", ProductFamily.MicroInverter,
            new DateOnly(2025, 5, 23), new DateOnly(2045, 5, 22), 20, [new CheckExtension(new DateOnly(2037, 5, 23), new DateOnly(2045, 5, 22), "WPC-DEMO-000101")], null);

        var card = Render<DeviceResultCard>(p => p.Add(c => c.Result, result));

        Assert.Equal("Valid", card.Find("[data-testid=result-card]").GetAttribute("data-state"));
        Assert.Contains("micro inverter", card.Markup);
        Assert.Contains("Certificate WPC-DEMO-000101", card.Find("[data-testid=extension]").TextContent);
        Assert.Contains("20", card.Markup);
        Assert.DoesNotContain("WP-DEMO", card.Markup.Replace("WPC-DEMO", "", StringComparison.Ordinal)); // no order numbers in public
    }

    [Fact]
    public void Render_UnknownDevice_ShowsTheProblemInsteadOfDates()
    {
        var result = new CheckResult("702099999999", "702099999999", CoverageState.Unknown, null, null, null, null, null, [], "No device with this serial number is registered.");

        var card = Render<DeviceResultCard>(p => p.Add(c => c.Result, result));

        Assert.Equal("Unknown", card.Find("[data-testid=state]").TextContent.Trim());
        Assert.Contains("No device with this serial number", card.Markup);
        Assert.Empty(card.FindAll("[data-testid=expiry]"));
    }
}
