using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Notifications;

/// <summary>The outbox page for administrators, and each person's email settings.</summary>
public sealed class NotificationsController(UserManager<ApplicationUser> users) : Controller
{
    [HttpGet("admin/outbox")]
    [Authorize(Policy = Policies.ManageUsers)]
    public async Task<IActionResult> Outbox([FromQuery] string? show, [FromServices] OutboxQuery query, CancellationToken ct) =>
        View(await query.GetAsync(show, ct));

    [HttpPost("admin/outbox/{id:long}/retry")]
    [Authorize(Policy = Policies.ManageUsers)]
    public async Task<IActionResult> Retry([FromRoute] long id, [FromServices] RetryMessageHandler retry, CancellationToken ct)
    {
        if (!await retry.HandleAsync(id, ct))
        {
            return NotFound();
        }

        TempData["Notification"] = "The email will be tried again at the next round";
        return Redirect("/admin/outbox?show=pending");
    }

    [HttpGet("account/email-settings")]
    public async Task<IActionResult> EmailSettings() =>
        await users.GetUserAsync(User) is { } user ? View(EmailSettingsHandler.FormFor(user)) : Challenge();

    [HttpPost("account/email-settings")]
    public async Task<IActionResult> EmailSettings(EmailSettingsForm form, [FromServices] EmailSettingsHandler handler)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var errors = await handler.SaveAsync(user, form);
        if (errors.Count > 0)
        {
            foreach (var (key, message) in errors)
            {
                ModelState.AddModelError(key, message);
            }

            return View(form);
        }

        TempData["Notification"] = "Your email settings have been saved";
        return Redirect("/account/email-settings");
    }
}
