namespace WarrantyPortal.Domain.Accounts;

public enum OneTimeCodeResult
{
    Accepted,
    Wrong,
    Expired,
    TooManyAttempts,
    AlreadyUsed,
}
