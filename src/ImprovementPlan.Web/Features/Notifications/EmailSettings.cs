using ImprovementPlan.Domain.Notifications;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace ImprovementPlan.Web.Features.Notifications;

/// <summary>The "Your email settings" form.</summary>
public sealed class EmailSettingsForm
{
    public string? Delivery { get; set; }

    public IReadOnlyDictionary<string, string> Validate() =>
        Enum.TryParse<NoticeDelivery>(Delivery, out var value) && Enum.IsDefined(value)
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { [nameof(Delivery)] = "Select how you want to get notices" };
}

/// <summary>Reads and saves how the signed-in user gets notices.</summary>
public sealed class EmailSettingsHandler(UserManager<ApplicationUser> users)
{
    public static EmailSettingsForm FormFor(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new EmailSettingsForm { Delivery = user.NoticeDelivery.ToString() };
    }

    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(ApplicationUser user, EmailSettingsForm form)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return errors;
        }

        user.NoticeDelivery = Enum.Parse<NoticeDelivery>(form.Delivery!);
        var result = await users.UpdateAsync(user);
        return result.Succeeded ? errors : new Dictionary<string, string> { [string.Empty] = string.Join(" ", result.Errors.Select(e => e.Description)) };
    }
}

/// <summary>The choices on the email settings page.</summary>
public static class DeliveryChoices
{
    public static IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> All =>
    [
        new("As they happen: one email for each", nameof(NoticeDelivery.AsTheyHappen)),
        new("In a daily digest: one email a day listing them", nameof(NoticeDelivery.DailyDigest)),
    ];
}
