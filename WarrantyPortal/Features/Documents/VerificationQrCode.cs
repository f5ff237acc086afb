using QRCoder;

namespace WarrantyPortal.Features.Documents;

/// <summary>The certificate's QR code: the public verification address, medium error correction.</summary>
public static class VerificationQrCode
{
    public const int PixelsPerModule = 8;

    public static QRCodeData Create(string url)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
    }

    /// <summary>Black modules on white, with the standard four-module quiet zone.</summary>
    public static byte[] Png(string url)
    {
        using var data = Create(url);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }
}
