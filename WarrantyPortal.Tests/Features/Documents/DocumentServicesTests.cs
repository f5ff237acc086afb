using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using WarrantyPortal.Features.Documents;

namespace WarrantyPortal.Tests.Features.Documents;

public class DocumentServicesTests
{
    [Fact]
    public void Services_AppWithSellerConfigured_RenderFromTheWebRootAssetsWithThatSeller()
    {
        var folder = Directory.CreateTempSubdirectory("wp-documents-");
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder.FullName, "app.db")};Pooling=False");
            b.UseSetting("Seller:LegalName", "Sonnenschutz Garantie GmbH");
            b.UseSetting("Seller:Address:0", "Leopoldstraße 12");
            b.UseSetting("Seller:Address:1", "80802 München");
            b.UseSetting("Seller:VatNumber", "DE811907980");
        });
        try
        {
            RendersWithConfiguredSeller(factory.Services);
        }
        finally
        {
            factory.Dispose();
            folder.Delete(recursive: true);
        }
    }

    private static void RendersWithConfiguredSeller(IServiceProvider services)
    {
        var seller = services.GetRequiredService<IOptions<SellerOptions>>().Value.ToSeller();
        var pdf = services.GetRequiredService<InvoicePdf>().Render(DocumentSamples.Invoice() with { Seller = seller });
        var certificate = services.GetRequiredService<CertificatePdf>().Render(DocumentSamples.Certificate());

        using var document = PdfDocument.Open(pdf);
        var text = document.GetPage(1).Text;
        Assert.Contains("Sonnenschutz Garantie GmbH", text);
        Assert.Contains("80802 München", text);
        Assert.Contains("DE811907980", text);
        Assert.NotEmpty(certificate);
        var webRoot = services.GetRequiredService<IWebHostEnvironment>().WebRootPath;
        Assert.Equal(Path.Combine(webRoot, "assets"), services.GetRequiredService<DocumentAssets>().Directory);
    }
}
