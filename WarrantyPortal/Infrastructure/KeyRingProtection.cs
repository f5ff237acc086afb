using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace WarrantyPortal.Infrastructure;

/// <summary>
/// Encrypts the data-protection key ring stored in the database with an X.509 certificate, when one is configured:
/// reading the <c>DataProtectionKeys</c> table is then not enough to forge sign-in cookies or account links. Every instance
/// is given the same certificate (a PFX file and its password, from the environment); certificates used before are given
/// as <c>DataProtection:PreviousCertificates</c> so the keys they encrypted are still read after a change of certificate.
/// </summary>
public static class KeyRingProtection
{
    public const string Section = "DataProtection";

    public static IDataProtectionBuilder ProtectKeysFromConfiguration(this IDataProtectionBuilder builder, IConfiguration config)
    {
        var section = config.GetSection(Section);
        if (string.IsNullOrWhiteSpace(section["CertificatePath"])) return builder;
        var current = Load(section["CertificatePath"]!, section["CertificatePassword"], $"{Section}:CertificatePath");
        var previous = section.GetSection("PreviousCertificates").GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c["Path"]))
            .Select(c => Load(c["Path"]!, c["Password"], $"{Section}:PreviousCertificates:{c.Key}:Path"))
            .ToArray();
        builder.ProtectKeysWithCertificate(current);
        return builder.UnprotectKeysWithAnyCertificate([current, .. previous]);
    }

    private static X509Certificate2 Load(string path, string? password, string setting)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{setting}: no certificate file at '{path}'. Give the path of a PFX file the portal can read.");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"{setting}: '{path}' could not be opened ({e.Message}). Check the file and its password.", e);
        }
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{setting}: '{path}' holds no private key; the key ring cannot be read with it. Export the certificate with its private key.");
        }
        return certificate;
    }
}
