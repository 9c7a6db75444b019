using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ImprovementPlan.Web.Features.Account;

/// <summary>Forgotten passwords, password links and changing one's own password (each use case's handler comes with its action).</summary>
public sealed partial class AccountController
{
    [HttpGet("forgot-password")]
    [AllowAnonymous]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [HttpPost("forgot-password")]
    [AllowAnonymous]
    [EnableRateLimiting(WebServiceCollectionExtensions.SignInRateLimit)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form, [FromServices] RequestPasswordResetHandler requestReset, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (AddPasswordErrors(form.Validate()))
        {
            return View(form);
        }

        await requestReset.HandleAsync(form, ct);
        return RedirectToAction(nameof(ResetLinkSent));
    }

    [HttpGet("forgot-password/sent")]
    [AllowAnonymous]
    public IActionResult ResetLinkSent() => View();

    [HttpGet("reset-password")]
    [AllowAnonymous]
    public async Task<IActionResult> ResetPassword([FromQuery] string? user, [FromQuery] string? token, [FromServices] ResetPasswordHandler reset) =>
        await reset.CheckLinkAsync(user, token) is null
            ? View("LinkNotValid")
            : View(new ResetPasswordForm { User = user, Token = token });

    [HttpPost("reset-password")]
    [AllowAnonymous]
    [EnableRateLimiting(WebServiceCollectionExtensions.SignInRateLimit)]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form, [FromServices] ResetPasswordHandler reset, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await reset.HandleAsync(form, ct);
        switch (result.Outcome)
        {
            case ResetPasswordOutcome.LinkNotValid:
                return View("LinkNotValid");
            case ResetPasswordOutcome.Invalid:
                AddPasswordErrors(result.Errors);
                form.Password = null;
                form.ConfirmPassword = null;
                return View(form);
            default:
                TempData["Notification"] = "Your password has been changed. Sign in with your new password.";
                return Redirect("/account/sign-in");
        }
    }

    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form, [FromServices] ChangePasswordHandler change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (AddPasswordErrors(await change.HandleAsync(user, form, ct)))
        {
            form.CurrentPassword = null;
            form.NewPassword = null;
            form.ConfirmPassword = null;
            return View(form);
        }

        // The new security stamp has ended every other session; this one gets a fresh cookie.
        await signInManager.RefreshSignInAsync(user);
        TempData["Notification"] = "Your password has been changed. You have been signed out everywhere else.";
        return Redirect("/account/change-password");
    }

    private bool AddPasswordErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (key, message) in errors)
        {
            ModelState.AddModelError(key, message);
        }

        return errors.Count > 0;
    }
}
