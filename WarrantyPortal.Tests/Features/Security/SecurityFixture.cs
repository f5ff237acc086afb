using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Security;

/// <summary>A portal of its own for the security checks: they open checkout sessions and sign accounts in and out.</summary>
public sealed class SecurityBrowserFixture : BrowserFixture;

[CollectionDefinition(Name)]
public sealed class SecurityBrowserCollection : ICollectionFixture<SecurityBrowserFixture>
{
    public const string Name = "browser-security";
}
