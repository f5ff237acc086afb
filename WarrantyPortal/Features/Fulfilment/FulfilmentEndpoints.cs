using WarrantyPortal.Features.Documents;

namespace WarrantyPortal.Features.Fulfilment;

/// <summary>
/// Document downloads. A visitor who is not signed in is sent to sign in (and back); a signed-in user who is neither the
/// order's owner nor an admin gets 404, exactly as for an order that does not exist.
/// </summary>
public static class FulfilmentEndpoints
{
    public static IEndpointRouteBuilder MapFulfilmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/orders/{number}");
        group.MapGet("/certificates/{certificateNumber}.pdf", async (string number, string certificateNumber, HttpContext http, OrderDocuments docs) =>
        {
            if (!SignedIn(http)) return Results.Challenge();
            var pdf = await docs.CertificateAsync(http.User, number, certificateNumber.ToUpperInvariant(), http.RequestAborted);
            return pdf is null ? Results.NotFound() : Results.File(pdf, "application/pdf", $"{certificateNumber.ToUpperInvariant()}.pdf");
        });
        group.MapGet("/certificates.zip", async (string number, HttpContext http, OrderDocuments docs) =>
        {
            if (!SignedIn(http)) return Results.Challenge();
            // ZipArchive still writes entry headers synchronously on a stream it cannot seek; the entries are streamed as they are drawn.
            var body = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>();
            if (body is not null) body.AllowSynchronousIO = true;
            var started = false;
            var written = await docs.WriteCertificatesZipAsync(http.User, number, http.Response.Body, () =>
            {
                started = true;
                http.Response.ContentType = "application/zip";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"certificates-{number}.zip\"";
            }, http.RequestAborted);
            return written || started ? Results.Empty : Results.NotFound();
        });
        group.MapGet("/invoice.pdf", (string number, HttpContext http, OrderDocuments docs) => InvoiceAsync(number, InvoiceKind.Invoice, "invoice", http, docs));
        group.MapGet("/proforma.pdf", (string number, HttpContext http, OrderDocuments docs) => InvoiceAsync(number, InvoiceKind.Proforma, "proforma", http, docs));
        group.MapGet("/credit-note.pdf", (string number, HttpContext http, OrderDocuments docs) => InvoiceAsync(number, InvoiceKind.CreditNote, "credit-note", http, docs));
        return app;
    }

    private static async Task<IResult> InvoiceAsync(string number, InvoiceKind kind, string name, HttpContext http, OrderDocuments docs)
    {
        if (!SignedIn(http)) return Results.Challenge();
        var pdf = await docs.InvoiceAsync(http.User, number, kind, http.RequestAborted);
        return pdf is null ? Results.NotFound() : Results.File(pdf, "application/pdf", $"{name}-{number}.pdf");
    }

    private static bool SignedIn(HttpContext http) => http.User.Identity?.IsAuthenticated == true;
}
