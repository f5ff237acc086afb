namespace WarrantyPortal.Features.Accounts;

/// <summary>Marker for the account feature's localised strings (AccountText.resx, AccountText.fr.resx…).</summary>
public sealed class AccountText;
