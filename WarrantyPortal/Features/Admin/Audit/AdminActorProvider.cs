using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;

namespace WarrantyPortal.Features.Admin.Audit;

/// <summary>The signed-in administrator of this circuit, with the name the audit trail and the customer see.</summary>
public sealed class AdminActorProvider(AuthenticationStateProvider auth, IDbContextFactory<ApplicationDbContext> factory)
{
    private AdminActor? _actor;

    public async Task<AdminActor> CurrentAsync()
    {
        if (_actor is not null) return _actor;
        var user = (await auth.GetAuthenticationStateAsync()).User;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No one is signed in.");
        await using var db = await factory.CreateDbContextAsync();
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.FullName).SingleOrDefaultAsync();
        return _actor = new AdminActor(id, string.IsNullOrWhiteSpace(name) ? user.Identity?.Name ?? id : name);
    }
}
