using ImprovementPlan.Web.Auditing;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ImprovementPlan.Web.Features.Account;

[Route("account")]
public sealed class AccountController(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> userManager,
    SecurityEvents securityEvents) : Controller
{
    /// <summary>One message for every failure, so the page does not reveal which accounts exist.</summary>
    public const string FailureMessage =
        "Your email address or password is incorrect, or your account is locked. If you have tried several times, wait 15 minutes and try again.";

    [HttpGet("sign-in")]
    [AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) => View(new SignInModel { ReturnUrl = returnUrl });

    [HttpPost("sign-in")]
    [AllowAnonymous]
    [EnableRateLimiting(WebServiceCollectionExtensions.SignInRateLimit)]
    public async Task<IActionResult> SignIn(SignInModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await userManager.FindByEmailAsync(model.Email!);
        if (user is null)
        {
            await securityEvents.RecordAsync(SecurityEvents.SignInFailed, null, null);
            return Failed(model);
        }

        var result = await signInManager.PasswordSignInAsync(user, model.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await securityEvents.RecordAsync(SecurityEvents.SignedIn, user.Id, user.Email);
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl : "/");
        }

        await securityEvents.RecordAsync(result.IsLockedOut ? SecurityEvents.LockedOut : SecurityEvents.SignInFailed, user.Id, user.Email);
        return Failed(model);
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutAsync()
    {
        var user = await userManager.GetUserAsync(User);
        await signInManager.SignOutAsync();
        await securityEvents.RecordAsync(SecurityEvents.SignedOut, user?.Id, user?.Email);
        return RedirectToAction(nameof(SignIn));
    }

    private ViewResult Failed(SignInModel model)
    {
        ModelState.AddModelError(nameof(SignInModel.Email), FailureMessage);
        model.Password = null;
        return View(nameof(SignIn), model);
    }
}
