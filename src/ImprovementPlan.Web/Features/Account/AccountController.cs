using System.Security.Claims;
using ImprovementPlan.Web.Auditing;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ImprovementPlan.Web.Features.Account;

[Route("account")]
public sealed partial class AccountController(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> userManager,
    SecurityEvents securityEvents,
    IOptions<SingleSignOnOptions> singleSignOn,
    UnknownAccountPasswordCheck unknownAccount) : Controller
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
            // As long as checking a real account's password takes, so the time does not tell.
            unknownAccount.Verify(userManager.PasswordHasher, model.Password);
            await securityEvents.RecordAsync(SecurityEvents.SignInFailed, null, null);
            return Failed(model);
        }

        // A deactivated or locked account is refused before its password is checked: check one anyway.
        var refusedBeforeItsPassword = !user.IsActive || await userManager.IsLockedOutAsync(user);
        if (refusedBeforeItsPassword)
        {
            unknownAccount.Verify(userManager.PasswordHasher, model.Password);
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

    /// <summary>Sends the person to the council's identity provider (only when single sign-on is configured).</summary>
    [HttpPost("single-sign-on")]
    [AllowAnonymous]
    [EnableRateLimiting(WebServiceCollectionExtensions.SignInRateLimit)]
    public IActionResult SingleSignOn([FromForm] string? returnUrl)
    {
        if (!singleSignOn.Value.IsConfigured)
        {
            return NotFound();
        }

        var callback = $"/account/single-sign-on/callback?returnUrl={Uri.EscapeDataString(LocalOrHome(returnUrl))}";
        var properties = signInManager.ConfigureExternalAuthenticationProperties(SingleSignOnOptions.Scheme, callback);
        return Challenge(properties, SingleSignOnOptions.Scheme);
    }

    /// <summary>
    /// Back from the identity provider: signs in the tracker account linked to that identity, or, the
    /// first time, the active account with the same email address, and links the two.
    /// </summary>
    [HttpGet("single-sign-on/callback")]
    [AllowAnonymous]
    public async Task<IActionResult> SingleSignOnCallback(string? returnUrl)
    {
        if (!singleSignOn.Value.IsConfigured)
        {
            return NotFound();
        }

        var info = await signInManager.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return SingleSignOnFailed($"Signing in with {singleSignOn.Value.DisplayName} did not finish. Try again, or sign in with your password.");
        }

        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var result = await signInManager.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        var linked = await userManager.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (result.Succeeded)
        {
            await securityEvents.RecordAsync(SecurityEvents.SignedIn, linked?.Id, linked?.Email, "single sign-on");
            return LocalRedirect(LocalOrHome(returnUrl));
        }

        var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("preferred_username");
        var user = linked ?? (email is null ? null : await userManager.FindByEmailAsync(email));
        if (user is null || !await signInManager.CanSignInAsync(user) || await userManager.IsLockedOutAsync(user))
        {
            await securityEvents.RecordAsync(SecurityEvents.SignInFailed, user?.Id, email, "single sign-on");
            return SingleSignOnFailed(
                $"There is no active account in the tracker for {email ?? "the account you signed in with"}. Ask an administrator to add you, or sign in with your password.");
        }

        if (linked is null)
        {
            var added = await userManager.AddLoginAsync(user, info);
            if (!added.Succeeded)
            {
                return SingleSignOnFailed("Your account could not be linked. Try again, or sign in with your password.");
            }
        }

        await signInManager.SignInAsync(user, isPersistent: false, info.LoginProvider);
        await securityEvents.RecordAsync(SecurityEvents.SignedIn, user.Id, user.Email, "single sign-on, account linked");
        return LocalRedirect(LocalOrHome(returnUrl));
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is not null)
        {
            // Ends the session on the server: every cookie issued before carries the old stamp.
            await userManager.UpdateSecurityStampAsync(user);
        }

        await signInManager.SignOutAsync();
        await securityEvents.RecordAsync(SecurityEvents.SignedOut, user?.Id, user?.Email);
        return RedirectToAction(nameof(SignIn));
    }

    private string LocalOrHome(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    private ViewResult SingleSignOnFailed(string message)
    {
        ModelState.AddModelError(nameof(SignInModel.Email), message);
        return View(nameof(SignIn), new SignInModel());
    }

    private ViewResult Failed(SignInModel model)
    {
        ModelState.AddModelError(nameof(SignInModel.Email), FailureMessage);
        model.Password = null;
        return View(nameof(SignIn), model);
    }
}
