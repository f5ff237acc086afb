using System.Globalization;
using System.Resources;
using WarrantyPortal.Features.BatchImport;

namespace WarrantyPortal.Tests.Features.BatchImport;

public class BatchImportTextTests
{
    private static readonly ResourceManager Resources = new(typeof(BatchImportText).FullName!, typeof(BatchImportText).Assembly);

    public static TheoryData<string> Codes() => new(Enum.GetNames<ImportProblemCode>());

    [Theory]
    [MemberData(nameof(Codes))]
    public void Message_EveryProblemCode_HasEnglishAndFrenchText(string code)
    {
        var english = Resources.GetString(code, CultureInfo.GetCultureInfo("en"));
        var french = Resources.GetString(code, CultureInfo.GetCultureInfo("fr"));

        Assert.False(string.IsNullOrWhiteSpace(english));
        Assert.False(string.IsNullOrWhiteSpace(french));
        Assert.NotEqual(english, french);
    }
}
