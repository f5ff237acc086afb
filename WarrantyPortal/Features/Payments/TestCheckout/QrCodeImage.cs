using QRCoder;

namespace WarrantyPortal.Features.Payments.TestCheckout;

public static class QrCodeImage
{
    /// <summary>A PNG data URI of a QR code for <paramref name="text"/> (no System.Drawing needed).</summary>
    public static string PngDataUri(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
