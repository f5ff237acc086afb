namespace WarrantyPortal.Features.Documents;

/// <summary>Everything printed on one device's extended-warranty certificate.</summary>
/// <param name="CertificateNumber">Unique number, e.g. <c>WC-2026-000123</c>.</param>
/// <param name="InstallationAddress">Address lines in print order (street, postcode and city, country).</param>
/// <param name="BaseWarrantyStart">Start of the manufacturer's warranty.</param>
/// <param name="BaseWarrantyEnd">End of the manufacturer's warranty.</param>
/// <param name="NewWarrantyEnd">End of cover with the extension.</param>
/// <param name="PlanName">The plan as the customer bought it, e.g. "Extension to 20 years".</param>
/// <param name="PublicBaseUrl">The portal's public address; the QR code opens <see cref="VerificationUrl"/>.</param>
/// <param name="Culture">Language of the labels and dates ("en", "fr").</param>
public sealed record CertificateDocument(
    string CertificateNumber,
    string HolderName,
    IReadOnlyList<string> InstallationAddress,
    string SerialNumber,
    string Model,
    DateOnly BaseWarrantyStart,
    DateOnly BaseWarrantyEnd,
    DateOnly NewWarrantyEnd,
    string PlanName,
    string OrderNumber,
    DateOnly IssueDate,
    string PublicBaseUrl,
    string Culture = "en")
{
    /// <summary>The public page that confirms the certificate is genuine: <c>{PublicBaseUrl}/verify/{CertificateNumber}</c>.</summary>
    public string VerificationUrl => VerificationUrlFor(PublicBaseUrl, CertificateNumber);

    /// <summary>Download name, e.g. <c>WC-2026-000123.pdf</c>.</summary>
    public string FileName => DocumentFileName.For(CertificateNumber);

    public static string VerificationUrlFor(string publicBaseUrl, string certificateNumber) =>
        $"{publicBaseUrl.TrimEnd('/')}/verify/{Uri.EscapeDataString(certificateNumber)}";
}

internal static class DocumentFileName
{
    /// <summary>A file name safe on every system: characters that are not letters, digits, '-' or '_' become '-'.</summary>
    public static string For(string stem) =>
        new string(stem.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()) + ".pdf";
}
