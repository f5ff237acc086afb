using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Eligibility;
using WarrantyPortal.Features.BatchImport;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.BatchImport;

public class BatchPreviewServiceTests(RegistryFixture fx) : IClassFixture<RegistryFixture>
{
    private static readonly BatchTerms Reseller = new("FR", "EUR", null, CustomerProfile.ResellerCode);

    private BatchPreviewService Service() =>
        new(fx.Eligibility(), fx.Catalog, BatchImportKit.Text, TestLocalizer.For<EligibilityText>());

    private static List<SerialListRow> Rows(params string[] serials) => BatchImportKit.Reader()
        .ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("SN\n" + string.Join("\n", serials)))).Result.Rows.ToList();

    /// <summary>Generated demo devices the Reseller may extend in France: the pool for quantity tiers.</summary>
    private async Task<List<string>> EligiblePoolAsync(int count)
    {
        var candidates = DemoFleet.Generated(fx.Today).Where(d => d.Family == WarrantyPortal.Domain.Registry.ProductFamily.MicroInverter)
            .Select(d => d.SerialNumber.Value).Take(2_000).ToList();
        var quotes = await fx.Eligibility().QuoteManyAsync(candidates, BatchPreviewService.Request(Reseller, 1));
        var pool = quotes.Where(q => q.CanExtend).Select(q => q.SerialNumber!).Take(count).ToList();
        Assert.True(pool.Count == count, $"The demo fleet has only {pool.Count} extendable micro inverters.");
        return pool;
    }

    [Fact]
    public async Task BuildAsync_GoodRefusedAndDuplicateRows_OneRowPerLineWithCountsAndMessages()
    {
        var rows = Rows("702000100001", "7020 0009 6622", "702000100001", "702099999999", "806-000-100003");

        var preview = await Service().BuildAsync(Reseller, "devices.csv", rows);

        Assert.Equal([2, 3, 4, 5, 6], preview.Rows.Select(r => r.LineNumber));
        Assert.Equal((2, 2, 1), (preview.OkCount, preview.RefusedCount, preview.DuplicateCount));
        Assert.True(preview.HasBlockingRows);
        var extended = preview.Rows[1];
        Assert.Equal("7020 0009 6622", extended.SerialAsWritten);
        Assert.Equal("702000096622", extended.NormalisedSerial);
        Assert.Equal("Warranty for UID 702000096622 is not allowed. The micro inverter already has extended warranty", extended.Message);
        Assert.Contains("line 2", preview.Rows[2].Message);
        var ok = preview.Rows[4];
        Assert.Equal(("806000100003", "QT2D"), (ok.NormalisedSerial, ok.Model));
        Assert.NotNull(ok.WarrantyStart);
        Assert.True(ok.EndWithPlan > ok.WarrantyEnd);
        Assert.Equal(ok.Chosen!.DisplayedPrice + preview.Rows[0].Chosen!.DisplayedPrice, preview.Total);
    }

    [Fact]
    public async Task BuildAsync_PlanColumnNamesAPlanTheDeviceMayNotHave_RefusesTheRowNamingThePlansItMayHave()
    {
        var rows = Rows("702000100001").Select(r => r with { PlanCode = "BT-X5" }).ToList();

        var row = (await Service().BuildAsync(Reseller, "f.csv", rows)).Rows.Single();

        Assert.Equal(BatchRowStatus.Refused, row.Status);
        Assert.Contains("BT-X5", row.Message);
        Assert.Contains(row.Offers[0].PlanCode, row.Message);
    }

    [Fact]
    public async Task BuildAsync_ManyRows_ChecksInBatchesAndReportsProgressToTheEnd()
    {
        var pool = await EligiblePoolAsync(120);
        var rows = Rows([.. pool, .. Enumerable.Range(0, BatchPreviewService.ChunkSize).Select(i => $"70209{i:0000000}")]);
        var reports = new List<double>();

        var preview = await Service().BuildAsync(Reseller, "big.csv", rows, new SyncProgress(reports.Add));

        Assert.Equal(rows.Count, preview.Rows.Count);
        Assert.Equal(120, preview.OkCount);
        Assert.True(reports.Count >= 2);
        Assert.Equal(1, reports[^1]);
    }

    [Theory]
    [InlineData(9, 0)]
    [InlineData(10, 500)]
    [InlineData(100, 1000)]
    public async Task BuildAsync_AcceptedRows_PricedAtTheResellerTierOfTheirCount(int accepted, int tierBasisPoints)
    {
        var pool = await EligiblePoolAsync(accepted);
        // One refused row more: with 9 accepted the file has 10 checkable rows, yet the order only holds 9 devices.
        var preview = await Service().BuildAsync(Reseller, "f.csv", Rows([.. pool, "702000096622"]));

        Assert.Equal(accepted, preview.OkCount);
        var offer = preview.Rows[0].Chosen!;
        var expected = (long)Math.Round(offer.ListNet.Minor * 0.85m * (10_000 - tierBasisPoints) / 10_000m, MidpointRounding.AwayFromZero);
        Assert.Equal(expected, offer.UnitNet.Minor);
        Assert.Equal(offer.Tax.Gross, offer.DisplayedPrice);
    }

    [Fact]
    public async Task ToOrderLines_AfterRemovingRefusedRows_AcceptedRowsAsPricedLinesInFileOrder()
    {
        var service = Service();
        var preview = await service.BuildAsync(Reseller with { TaxId = "DE123456789" }, "f.csv",
            Rows("806000100003", "702000096622", "702000100001"));

        var cleaned = BatchPreviewService.RemoveRefused(preview);
        var lines = BatchPreviewService.ToOrderLines(cleaned);

        Assert.False(cleaned.HasBlockingRows);
        Assert.Equal(["806000100003", "702000100001"], lines.Select(l => l.SerialNumber));
        Assert.All(lines, l => Assert.Equal(0, l.VatRateBasisPoints));
        Assert.Equal(cleaned.Rows[0].Chosen!.UnitNet.Minor, lines[0].UnitPriceMinor);
        Assert.Single(BatchPreviewService.RefillRows(preview));
    }

    [Fact]
    public async Task ChoosePlan_OfferedPlan_ChangesThatRowsPlanAndPriceOnly()
    {
        var preview = await Service().BuildAsync(Reseller, "f.csv", Rows("702000100001", "702000100002"));
        var other = preview.Rows[0].Offers.Last();
        Assert.True(preview.Rows[0].Offers.Count > 1);

        var changed = BatchPreviewService.ChoosePlan(preview, preview.Rows[0].LineNumber, other.PlanCode);

        Assert.Equal(other, changed.Rows[0].Chosen);
        Assert.Equal(preview.Rows[1].Chosen, changed.Rows[1].Chosen);
        Assert.Equal(preview.Total - preview.Rows[0].Chosen!.DisplayedPrice + other.DisplayedPrice, changed.Total);
    }

    [Fact]
    public async Task DraftStore_SaveLoadAndHandOver_KeepsRowsChoicesAndTheBuyersOtherDetails()
    {
        var drafts = new PurchaseDraftService(fx.Database, fx.Clock);
        var store = new BatchDraftStore(fx.Database, drafts, fx.Clock);
        var service = Service();
        var preview = await service.BuildAsync(Reseller, "f.csv", Rows("702000100001", "702000100001"));
        var plan = preview.Rows[0].Offers.Last().PlanCode;
        preview = BatchPreviewService.ChoosePlan(preview, 2, plan);
        await store.SaveAsync("user-batch", preview);

        var saved = await store.LoadAsync("user-batch");
        var again = BatchPreviewService.ApplyChoices(
            await service.BuildAsync(saved!.Terms, saved.FileName, BatchDraftStore.RowsOf(saved)), BatchDraftStore.ChoicesOf(saved));
        Assert.Equal(preview.Rows.Select(r => (r.LineNumber, r.Status, r.Chosen?.PlanCode)), again.Rows.Select(r => (r.LineNumber, r.Status, r.Chosen?.PlanCode)));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ToPurchaseDraftAsync("user-batch", again));
        await drafts.SaveAsync(DraftOwner.User("user-batch"), new PurchaseDraftContent { FullName = "Rita Reseller", Country = "BE" });
        await store.ToPurchaseDraftAsync("user-batch", BatchPreviewService.RemoveRefused(again));
        var purchase = await drafts.LoadAsync(DraftOwner.User("user-batch"));
        Assert.Equal(("Rita Reseller", "FR", "EUR"), (purchase!.FullName, purchase.Country, purchase.Currency));
        Assert.Equal([new PurchaseDraftLine("702000100001", plan)], purchase.Lines);
    }

    [Fact]
    public async Task BuildAsync_Cancelled_ThrowsWithoutAPreview()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Service().BuildAsync(Reseller, "f.csv", Rows("702000100001"), null, cts.Token));
    }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
