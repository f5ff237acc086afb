using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Domain.Eligibility;

/// <summary>Why a plan may not be sold for a device. Each code has a customer message in EligibilityText.</summary>
public enum RefusalCode
{
    MalformedSerialNumber,
    UnknownSerialNumber,
    PlanRetired,
    NotSoldForModel,
    NotSoldForCountry,
    CurrencyNotAccepted,
    NoPriceInCurrency,
    DeviceInOpenOrder,
    AlreadyExtended,
    BaseWarrantyExpired,
    TooLateToExtend,
    WouldNotLengthen,
    ExceedsLongestTerm,
}

/// <summary>A refusal with what its message needs: the serial number as typed or normalised, the family, a date.</summary>
public sealed record Refusal(RefusalCode Code, string SerialNumber, ProductFamily? Family = null, DateOnly? Date = null)
{
    /// <summary>Refusals about the device itself, the same for every plan (as opposed to one plan's terms).</summary>
    public bool IsAboutDevice => Code is RefusalCode.MalformedSerialNumber or RefusalCode.UnknownSerialNumber
        or RefusalCode.DeviceInOpenOrder or RefusalCode.AlreadyExtended or RefusalCode.BaseWarrantyExpired or RefusalCode.TooLateToExtend;
}
