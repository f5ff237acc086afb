using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using WarrantyPortal.Components.Shared;

namespace WarrantyPortal.Tests.Components;

/// <summary>
/// The purchase form's light fields: what they give back and when, what they show for an error or a helper text, and that
/// they carry MudBlazor's classes (the page's look depends on them).
/// </summary>
public sealed class PortalFieldsTests : BunitContext
{
    [Fact]
    public async Task TextField_Debounced_GivesBackOnceAfterTypingPauses_WithTheLastText()
    {
        var given = new List<string>();
        var first = new TaskCompletionSource();
        var cut = Render<PortalTextField>(p => p
            .Add(f => f.Label, "Product SN")
            .Add(f => f.DebounceMilliseconds, 100)
            .Add(f => f.TestId, "sn")
            .Add(f => f.ValueChanged, EventCallback.Factory.Create<string>(this, text => { given.Add(text); first.TrySetResult(); })));
        var input = cut.Find("input[data-testid=sn]");

        input.Input("70");
        input.Input("702");
        input.Input("7020");

        await first.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["7020"], given);
        Assert.Equal("7020", cut.Find("input").GetAttribute("value"));
    }

    [Fact]
    public void TextField_LeftBeforeThePause_GivesBackAtOnce()
    {
        var given = new List<string>();
        var cut = Render<PortalTextField>(p => p
            .Add(f => f.DebounceMilliseconds, 300)
            .Add(f => f.ValueChanged, EventCallback.Factory.Create<string>(this, given.Add)));

        cut.Find("input").Input("7020");
        cut.Find("input").Change("7020");

        Assert.Equal(["7020"], given);
    }

    [Fact]
    public void TextField_WithoutDebounce_GivesBackOnLeavingOnly_AndTakesANewValueFromTheParent()
    {
        var given = new List<string>();
        var cut = Render<PortalTextField>(p => p
            .Add(f => f.Value, "Rue du Port")
            .Add(f => f.ValueChanged, EventCallback.Factory.Create<string>(this, given.Add)));
        Assert.False(cut.Find("input").HasAttribute("blazor:oninput"));
        Assert.True(cut.Find("input").HasAttribute("blazor:onchange"));
        Assert.Contains("mud-shrink", cut.Find(".mud-input").ClassName);

        cut.Find("input").Change("1 rue du Port");
        Assert.Equal(["1 rue du Port"], given);

        cut.Render(p => p.Add(f => f.Value, "2 quai des Belges"));
        Assert.Equal("2 quai des Belges", cut.Find("input").GetAttribute("value"));
    }

    [Fact]
    public void TextField_InError_ShowsTheErrorTextInsteadOfTheHelper_AndMarksTheInputInvalid()
    {
        var cut = Render<PortalTextField>(p => p
            .Add(f => f.Label, "City")
            .Add(f => f.Required, true)
            .Add(f => f.HelperText, "Where the device is installed")
            .Add(f => f.MaxLength, 100));
        var input = cut.Find("input");
        Assert.Equal("false", input.GetAttribute("aria-invalid"));
        Assert.Equal("100", input.GetAttribute("maxlength"));
        Assert.Contains("mud-input-required", cut.Find(".mud-input-control").ClassName);
        Assert.Equal("Where the device is installed", cut.Find($"#{input.GetAttribute("aria-describedby")}").TextContent);
        Assert.False(cut.Find("input").HasAttribute("placeholder"));
        Assert.Empty(cut.FindAll(".mud-shrink"));

        cut.Render(p => p.Add(f => f.Error, true).Add(f => f.ErrorText, "Enter the city."));

        input = cut.Find("input");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("Enter the city.", cut.Find($"#{input.GetAttribute("aria-describedby")}").TextContent);
        Assert.Contains("mud-input-error", cut.Find(".mud-input-helper-text").ClassName);
        Assert.Contains("mud-input-error", cut.Find("label").ClassName);
    }

    [Fact]
    public void Select_ChoosingAnOption_GivesItBack_AndAnEmptyChoiceIsOfferedOnlyWhileNothingIsChosen()
    {
        var given = new List<string>();
        RenderFragment options = b =>
        {
            b.OpenElement(0, "option"); b.AddAttribute(1, "value", "FR"); b.AddContent(2, "France"); b.CloseElement();
            b.OpenElement(3, "option"); b.AddAttribute(4, "value", "GB"); b.AddContent(5, "United Kingdom"); b.CloseElement();
        };
        var cut = Render<PortalSelect>(p => p
            .Add(f => f.Label, "Country")
            .Add(f => f.TestId, "country")
            .Add(f => f.ChildContent, options)
            .Add(f => f.ValueChanged, EventCallback.Factory.Create<string>(this, given.Add)));
        Assert.Single(cut.FindAll("option[hidden]"));
        Assert.Empty(cut.FindAll(".mud-shrink"));

        cut.Find("select[data-testid=country]").Change("GB");
        Assert.Equal(["GB"], given);

        cut.Render(p => p.Add(f => f.Value, "GB").Add(f => f.Disabled, true));
        Assert.Empty(cut.FindAll("option[hidden]"));
        Assert.Contains("mud-shrink", cut.Find(".mud-input").ClassName);
        Assert.True(cut.Find("select").HasAttribute("disabled"));
    }

    [Fact]
    public void RadioGroup_ShowsTheChosenOptionChecked_AndGivesBackAnotherWhenChosen()
    {
        var given = new List<bool>();
        var cut = Render<PortalRadioGroup<bool>>(p => p
            .Add(f => f.Options, [new(false, "Regular order", "kind-regular"), new(true, "Batch import", "kind-batch")])
            .Add(f => f.Value, false)
            .Add(f => f.ValueChanged, EventCallback.Factory.Create<bool>(this, given.Add)));
        Assert.True(cut.Find("input[data-testid=kind-regular]").HasAttribute("checked"));
        Assert.False(cut.Find("input[data-testid=kind-batch]").HasAttribute("checked"));
        Assert.Single(cut.FindAll(".mud-radio .mud-checked"));

        cut.Find("input[data-testid=kind-batch]").Change(true);

        Assert.Equal([true], given);
    }

    [Fact]
    public void Icon_IsMudIconsMarkup_WithSizeAndColourClasses()
    {
        var cut = Render(Svg.Icon(Icons.Material.Outlined.Lock, Size.Small, Color.Success, "extra"));

        var svg = cut.Find("svg");
        Assert.Equal("mud-icon-root mud-svg-icon mud-success-text mud-icon-size-small extra", svg.ClassName);
        Assert.Equal("true", svg.GetAttribute("aria-hidden"));
        Assert.NotEmpty(svg.InnerHtml);
    }
}
