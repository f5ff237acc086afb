using System.Diagnostics;
using WarrantyPortal.Domain;
using WarrantyPortal.Features.Documents;

namespace WarrantyPortal.Benchmarks;

internal static class DocumentsBenchmark
{
    public static void Run(string[] args)
    {
        // Measures document rendering throughput on this machine:
        //   dotnet run -c Release --project WarrantyPortal.Benchmarks -- [count]
        using var assets = DocumentAssets.Load();
        var count = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 200;
        var certificates = new CertificatePdf(assets);
        var invoices = new InvoicePdf(assets);

        CertificateDocument Certificate(int i, bool chinese) => new(
            $"WC-2026-{i:D6}",
            chinese ? "张伟" : "Marie Dupont",
            chinese ? ["上海市浦东新区世纪大道100号", "200120 上海", "中国"] : ["12 rue des Tilleuls", "69003 Lyon", "France"],
            $"SN7K2026A{i:D5}",
            "SolarEdge SE5000H-RW000BNN4",
            new DateOnly(2024, 3, 15), new DateOnly(2036, 3, 14), new DateOnly(2044, 3, 14),
            "Extension to 20 years", "ORD-2026-004217", new DateOnly(2026, 11, 23), "https://warranty.example.com");

        InvoiceDocument Invoice(int i) => new(
            InvoiceKind.Invoice, $"INV-2026-{i:D6}", new DateOnly(2026, 11, 23),
            new InvoiceSeller("Helio Warranty Services SAS", ["8 avenue de la République", "75011 Paris", "France"], "FR12345678901"),
            new InvoiceBuyer("Marie Dupont", ["12 rue des Tilleuls", "69003 Lyon", "France"]),
            "EUR",
            [new InvoiceLine("Extension to 20 years – SolarEdge SE5000H", 1, new Money(34900, "EUR"), 0.20m)],
            "ORD-2026-004217", new InvoicePayment("card", new DateOnly(2026, 11, 22)));

        void Measure(string name, Func<int, byte[]> render)
        {
            for (var i = 0; i < 5; i++)
            {
                render(i); // warm-up: JIT, font caches
            }
            long bytes = 0;
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var sequential = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                bytes += render(i).Length;
            }
            sequential.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var parallel = Stopwatch.StartNew();
            Parallel.For(0, count, i => render(i));
            parallel.Stop();
            // CPU time shows what one core can do even when other work shares the machine; wall time shows what it did.
            Console.WriteLine($"{name,-24} {count / cpu.TotalSeconds,7:F1} per CPU-second   " +
                              $"{count / sequential.Elapsed.TotalSeconds,7:F1}/s on one thread   " +
                              $"{count / parallel.Elapsed.TotalSeconds,7:F1}/s on {Environment.ProcessorCount} cores   " +
                              $"{bytes / count / 1024,5} KB each");
        }

        Console.WriteLine($"Rendering {count} documents of each kind ({Environment.ProcessorCount} cores)");
        Measure("Certificate (Latin)", i => certificates.Render(Certificate(i, chinese: false)));
        Measure("Certificate (Chinese)", i => certificates.Render(Certificate(i, chinese: true)));
        Measure("Invoice (one line)", i => invoices.Render(Invoice(i)));

        var big = Invoice(0) with
        {
            Lines = Enumerable.Range(1, 2000)
                .Select(i => new InvoiceLine($"Extension to 20 years – SolarEdge SE5000H, serial SN7K2026A{i:D5}", 1, new Money(34900, "EUR"), 0.20m))
                .ToList(),
        };
        var timer = Stopwatch.StartNew();
        var bigPdf = invoices.Render(big);
        Console.WriteLine($"Invoice with 2,000 lines: {timer.Elapsed.TotalSeconds:F2} s, {bigPdf.Length / 1024} KB");
    }
}
