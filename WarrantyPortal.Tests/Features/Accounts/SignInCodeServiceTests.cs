using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain.Accounts;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Accounts;

public sealed class SignInCodeServiceTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly ManualClock _clock = new();
    private readonly SignInCodeService _codes;

    public SignInCodeServiceTests()
    {
        _codes = new SignInCodeService(_db, new EmailOutbox(new OutboxSignal(), _clock),
            new EmailComposer(Options.Create(new PortalOptions())), AccountsTestKit.Text, _clock);
    }

    public void Dispose() => _db.Dispose();

    private async Task<List<OutboxMessage>> EmailsToAsync(string to)
    {
        await using var db = _db.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == to).OrderBy(m => m.Id).ToListAsync();
    }

    private async Task<string> LatestCodeSentToAsync(string to) =>
        Regex.Match((await EmailsToAsync(to)).Last().Subject, @"\b\d{6}\b").Value;

    [Fact]
    public async Task RequestCodeAsync_KnownAddress_EmailsSixDigitCodeAndStoresOnlyItsHash()
    {
        await AccountsTestKit.AddUserAsync(_db, "ana@example.com");

        var result = await _codes.RequestCodeAsync("Ana@Example.com ");

        Assert.Equal(CodeRequestStatus.Sent, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(60), result.WaitBeforeNext);
        var email = Assert.Single(await EmailsToAsync("ana@example.com"));
        var code = Regex.Match(email.Subject, @"\b\d{6}\b").Value;
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Contains(code, email.TextBody);
        Assert.Contains("10 minutes", email.TextBody);
        await using var db = _db.CreateDbContext();
        var stored = await db.OneTimeCodes.SingleAsync();
        Assert.DoesNotContain(code, stored.CodeHash);
    }

    [Fact]
    public async Task RequestCodeAsync_FrenchUser_EmailIsInFrench()
    {
        await AccountsTestKit.AddUserAsync(_db, "luc@example.fr", culture: "fr");

        await _codes.RequestCodeAsync("luc@example.fr");

        Assert.Contains("code de connexion", (await EmailsToAsync("luc@example.fr")).Single().Subject);
    }

    [Fact]
    public async Task RequestCodeAsync_AgainWithinAMinute_RefusedWithRemainingWaitAndNoSecondEmail()
    {
        await AccountsTestKit.AddUserAsync(_db, "ana@example.com");
        await _codes.RequestCodeAsync("ana@example.com");
        _clock.Advance(TimeSpan.FromSeconds(45));

        var again = await _codes.RequestCodeAsync("ana@example.com");

        Assert.Equal(CodeRequestStatus.TooSoon, again.Status);
        Assert.Equal(TimeSpan.FromSeconds(15), again.WaitBeforeNext);
        Assert.Equal(TimeSpan.FromSeconds(15), await _codes.WaitBeforeNextAsync("ana@example.com"));
        Assert.Single(await EmailsToAsync("ana@example.com"));
    }

    [Fact]
    public async Task RequestCodeAsync_AfterAMinute_SendsNewCodeAndOldOneStopsWorking()
    {
        await AccountsTestKit.AddUserAsync(_db, "ana@example.com");
        await _codes.RequestCodeAsync("ana@example.com");
        var first = await LatestCodeSentToAsync("ana@example.com");
        _clock.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(CodeRequestStatus.Sent, (await _codes.RequestCodeAsync("ana@example.com")).Status);
        var second = await LatestCodeSentToAsync("ana@example.com");

        Assert.Equal(2, (await EmailsToAsync("ana@example.com")).Count);
        if (first != second) Assert.False((await _codes.VerifyAsync("ana@example.com", first)).Accepted);
        Assert.True((await _codes.VerifyAsync("ana@example.com", second)).Accepted);
    }

    [Fact]
    public async Task VerifyAsync_RightCode_AcceptedOnceAndConfirmsTheAddress()
    {
        var user = await AccountsTestKit.AddUserAsync(_db, "new@example.com", confirmed: false);
        await _codes.RequestCodeAsync("new@example.com");
        var code = await LatestCodeSentToAsync("new@example.com");

        var first = await _codes.VerifyAsync("new@example.com", code);
        var second = await _codes.VerifyAsync("new@example.com", code);

        Assert.True(first.Accepted);
        Assert.Equal(user.Id, first.UserId);
        Assert.False(second.Accepted);
        Assert.Equal(OneTimeCodeResult.AlreadyUsed, second.Result);
        await using var db = _db.CreateDbContext();
        Assert.True((await db.Users.SingleAsync(u => u.Id == user.Id)).EmailConfirmed);
    }

    [Fact]
    public async Task VerifyAsync_FiveWrongCodes_RightCodeThenRefused()
    {
        await AccountsTestKit.AddUserAsync(_db, "ana@example.com");
        await _codes.RequestCodeAsync("ana@example.com");
        var code = await LatestCodeSentToAsync("ana@example.com");
        var wrong = code == "000000" ? "000001" : "000000";

        var results = new List<CodeCheckResult>();
        for (var i = 0; i < 5; i++) results.Add(await _codes.VerifyAsync("ana@example.com", wrong));
        var right = await _codes.VerifyAsync("ana@example.com", code);

        Assert.Equal([4, 3, 2, 1, 0], results.Select(r => r.AttemptsLeft));
        Assert.Equal(OneTimeCodeResult.TooManyAttempts, results[^1].Result);
        Assert.False(right.Accepted);
        Assert.Equal(OneTimeCodeResult.TooManyAttempts, right.Result);
    }

    [Fact]
    public async Task VerifyAsync_AfterTenMinutes_Expired()
    {
        await AccountsTestKit.AddUserAsync(_db, "ana@example.com");
        await _codes.RequestCodeAsync("ana@example.com");
        var code = await LatestCodeSentToAsync("ana@example.com");
        _clock.Advance(TimeSpan.FromMinutes(10));

        var result = await _codes.VerifyAsync("ana@example.com", code);

        Assert.Equal(OneTimeCodeResult.Expired, result.Result);
        Assert.Null(result.UserId);
    }

    [Fact]
    public async Task RequestCodeAsync_UnknownAddress_AnswersLikeSentButSendsNothing()
    {
        var result = await _codes.RequestCodeAsync("nobody@example.com");

        Assert.Equal(CodeRequestStatus.Sent, result.Status);
        Assert.Empty(await EmailsToAsync("nobody@example.com"));
        Assert.True((await _codes.VerifyAsync("nobody@example.com", "123456")).NoCode);
    }

    [Fact]
    public async Task RequestCodeAsync_LockedOutAccount_RefusedUntilLockoutEnds()
    {
        var user = await AccountsTestKit.AddUserAsync(_db, "ana@example.com");
        var until = _clock.GetUtcNow().AddMinutes(5);
        await using (var db = _db.CreateDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == user.Id)).LockoutEnd = until;
            await db.SaveChangesAsync();
        }

        var result = await _codes.RequestCodeAsync("ana@example.com");

        Assert.Equal(CodeRequestStatus.LockedOut, result.Status);
        Assert.Equal(until, result.LockedUntil);
        Assert.Empty(await EmailsToAsync("ana@example.com"));
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(CodeRequestStatus.Sent, (await _codes.RequestCodeAsync("ana@example.com")).Status);
    }
}
