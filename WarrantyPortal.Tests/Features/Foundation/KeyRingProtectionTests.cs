using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Foundation;

/// <summary>
/// With a certificate configured, the key ring in the database is encrypted: an instance given the certificate (or given
/// it as a previous one) reads what another protected, one without it cannot, and a wrong setting stops the start with
/// a message naming the setting.
/// </summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wp-keyring").FullName;

    [Fact]
    public async Task KeyRing_WithCertificate_IsStoredEncryptedAndReadOnlyByInstancesHoldingTheCertificate()
    {
        var first = Certificate("first");
        var second = Certificate("second");
        var database = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dir, "portal.db"), DefaultTimeout = 30 }.ToString();
        var withFirst = Settings(database, ("DataProtection:CertificatePath", first), ("DataProtection:CertificatePassword", "pfx-first"));

        string protectedText;
        using (var a = new PortalApp(withFirst).Start())
        {
            protectedText = Protector(a).Protect("account link for alice");
            await using var db = a.CreateDbContext();
            var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("encryptedSecret", xml);
                Assert.DoesNotContain("unencrypted form", xml);
            });
        }

        using (var b = new PortalApp(withFirst).Start())
        {
            Assert.Equal("account link for alice", Protector(b).Unprotect(protectedText));
        }

        // A new certificate, the first given as a previous one: what was protected before is still read.
        var rotated = Settings(database, ("DataProtection:CertificatePath", second), ("DataProtection:CertificatePassword", "pfx-second"),
            ("DataProtection:PreviousCertificates:0:Path", first), ("DataProtection:PreviousCertificates:0:Password", "pfx-first"));
        using (var c = new PortalApp(rotated).Start())
        {
            Assert.Equal("account link for alice", Protector(c).Unprotect(protectedText));
        }

        // Only the new certificate: the ring's key, encrypted with the first, cannot be read.
        var secondOnly = Settings(database, ("DataProtection:CertificatePath", second), ("DataProtection:CertificatePassword", "pfx-second"));
        using (var d = new PortalApp(secondOnly).Start())
        {
            Assert.ThrowsAny<CryptographicException>(() => Protector(d).Unprotect(protectedText));
        }
    }

    [Fact]
    public void KeyRing_WrongPassword_StartStopsWithAMessageNamingTheSetting()
    {
        var path = Certificate("only");
        var database = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dir, "wrong.db") }.ToString();
        using var app = new PortalApp(Settings(database, ("DataProtection:CertificatePath", path), ("DataProtection:CertificatePassword", "not-it")));

        var error = Assert.ThrowsAny<Exception>(() => app.Start());

        var message = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains("DataProtection:CertificatePath", message);
        Assert.Contains("password", message);
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }

    private static IDataProtector Protector(PortalApp app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("KeyRingProtectionTests");

    private static Dictionary<string, string?> Settings(string database, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Database:ConnectionString"] = database };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    /// <summary>A self-signed RSA certificate with its private key, written as a PFX protected by "pfx-{name}".</summary>
    private string Certificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=WarrantyPortal key ring {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_dir, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "pfx-" + name));
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
