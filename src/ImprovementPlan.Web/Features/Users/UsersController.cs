using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Users;

/// <summary>User administration: accounts, roles, deactivation and what each head of service leads.</summary>
[Route("admin/users")]
[Authorize(Policy = Policies.ManageUsers)]
public sealed class UsersController(UserAdminHandler admin, CurrentUser currentUser) : Controller
{
    private string? CurrentUserId => currentUser.Id;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await admin.ListAsync(ct));

    [HttpGet("new")]
    public IActionResult New() => View(new NewUserForm());

    [HttpPost("new")]
    public async Task<IActionResult> New(NewUserForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await admin.CreateAsync(form, ModelState) is not { } user)
        {
            form.Password = null;
            return View(form);
        }

        TempData["Notification"] = string.IsNullOrEmpty(form.Password)
            ? $"{user.DisplayName} has been added. An email with a link to choose their password is on its way to {user.Email}"
            : $"{user.DisplayName} can now sign in as {user.Email}";
        return Redirect($"/admin/users/{user.Id}");
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit([FromRoute] string id, CancellationToken ct) =>
        await admin.EditFormAsync(id, CurrentUserId, ct) is { } form ? View(form) : NotFound();

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit([FromRoute] string id, EditUserForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await admin.FindAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (!await admin.UpdateAsync(user, form, CurrentUserId, ModelState))
        {
            return View(await admin.DecorateAsync(form, user, CurrentUserId, ct));
        }

        TempData["Notification"] = $"{user.DisplayName}’s details saved";
        return Redirect($"/admin/users/{id}");
    }

    [HttpPost("{id}/deactivate")]
    public async Task<IActionResult> Deactivate([FromRoute] string id, [FromServices] HandOverHandler handOver, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(handOver);
        // Someone who leads anything is deactivated only once someone else takes it over.
        if (id != CurrentUserId && (await handOver.LedAsync(id, ct)).Count > 0)
        {
            return Redirect($"/admin/users/{id}/hand-over");
        }

        return await SetActiveAsync(id, active: false, ct);
    }

    [HttpPost("{id}/reactivate")]
    public Task<IActionResult> Reactivate([FromRoute] string id, CancellationToken ct) => SetActiveAsync(id, active: true, ct);

    [HttpPost("{id}/send-reset-link")]
    public async Task<IActionResult> SendResetLink([FromRoute] string id, CancellationToken ct)
    {
        if (await admin.FindAsync(id) is not { } user)
        {
            return NotFound();
        }

        await admin.SendResetLinkAsync(user, ct);
        TempData["Notification"] = $"A link to choose a new password is on its way to {user.Email}";
        return Redirect($"/admin/users/{id}");
    }

    [HttpGet("{id}/leads")]
    public async Task<IActionResult> Leads([FromRoute] string id, CancellationToken ct) =>
        await admin.FindAsync(id) is { } user ? View(await admin.LeadsFormAsync(user, null, ct)) : NotFound();

    [HttpPost("{id}/leads")]
    public async Task<IActionResult> Leads([FromRoute] string id, LeadsForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await admin.FindAsync(id) is not { } user)
        {
            return NotFound();
        }

        await admin.SaveLeadsAsync(user, form, ct);
        TempData["Notification"] = $"What {user.DisplayName} leads has been saved";
        return Redirect($"/admin/users/{id}");
    }

    private async Task<IActionResult> SetActiveAsync([FromRoute] string id, bool active, CancellationToken ct)
    {
        if (await admin.FindAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (await admin.SetActiveAsync(user, active, CurrentUserId) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal);
            var form = await admin.EditFormAsync(id, CurrentUserId, ct);
            return View(nameof(Edit), form);
        }

        TempData["Notification"] = active ? $"{user.DisplayName} can sign in again" : $"{user.DisplayName} has been deactivated and cannot sign in";
        return Redirect($"/admin/users/{id}");
    }
}
