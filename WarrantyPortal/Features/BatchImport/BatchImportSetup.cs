using WarrantyPortal.Features.Catalog;

namespace WarrantyPortal.Features.BatchImport;

/// <summary>The batch import wiring: reader, templates, preview, saved batches and the template downloads.</summary>
public static class BatchImportSetup
{
    public static IServiceCollection AddBatchImport(this IServiceCollection services)
    {
        services.AddSingleton<SerialListReader>();
        services.AddSingleton<BatchTemplates>();
        services.AddSingleton<BatchPreviewService>();
        services.AddScoped<BatchDraftStore>();
        return services;
    }

    public static WebApplication MapBatchImport(this WebApplication app)
    {
        var batch = app.MapGroup("/batch").RequireAuthorization();
        batch.MapGet("/template.xlsx", async (BatchTemplates templates, CatalogQuery catalog, CancellationToken ct) =>
        {
            var codes = (await catalog.PlansAsync(includeRetired: false, ct)).Select(p => p.Code).Order(StringComparer.Ordinal).ToList();
            return Results.File(templates.Xlsx(codes), BatchTemplates.XlsxContentType, "batch-import-template.xlsx");
        });
        batch.MapGet("/template.csv", (BatchTemplates templates) =>
            Results.File(templates.Csv(), BatchTemplates.CsvContentType + "; charset=utf-8", "batch-import-template.csv"));
        return app;
    }
}
