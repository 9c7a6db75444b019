using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ImprovementPlan.Web.Tests.Infrastructure;

/// <summary>
/// A small OpenID Connect provider on a real local port: discovery, keys, an authorisation endpoint
/// that signs in whoever the test names, and a token endpoint that issues a signed ID token. Enough of
/// the protocol for the app's real OpenID Connect handler to complete a sign-in against it.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "improvement-plan-tracker";

    private static readonly string[] Code = ["code"];
    private static readonly string[] Public = ["public"];
    private static readonly string[] Rs256 = ["RS256"];

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, (string Subject, string? Email, string? Nonce)> _codes = new();
    private readonly WebApplication _app;

    private TestIdentityProvider(WebApplication app)
    {
        _app = app;
        _key = new RsaSecurityKey(_rsa) { KeyId = "test-key" };
    }

    public string Authority { get; private set; } = string.Empty;

    /// <summary>Who the next visit to the authorisation endpoint signs in as.</summary>
    public (string Subject, string? Email) NextUser { get; set; } = ("subject-1", "someone@council.example");

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new TestIdentityProvider(app);
        provider.Map(app);
        await app.StartAsync();
        provider.Authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return provider;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = $"{Authority}/authorize",
            ["token_endpoint"] = $"{Authority}/token",
            ["jwks_uri"] = $"{Authority}/keys",
            ["response_types_supported"] = Code,
            ["subject_types_supported"] = Public,
            ["id_token_signing_alg_values_supported"] = Rs256,
        }));
        app.MapGet("/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var code = Guid.NewGuid().ToString("N");
            _codes[code] = (NextUser.Subject, NextUser.Email, request.Query["nonce"]);
            var redirect = $"{request.Query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(request.Query["state"].ToString())}";
            return Results.Redirect(redirect);
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (!_codes.TryRemove(form["code"].ToString(), out var grant))
            {
                return Results.BadRequest(new { error = "invalid_grant" });
            }

            var claims = new Dictionary<string, object> { ["sub"] = grant.Subject };
            if (grant.Email is not null)
            {
                claims["email"] = grant.Email;
            }

            if (grant.Nonce is not null)
            {
                claims["nonce"] = grant.Nonce;
            }

            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Authority,
                Audience = ClientId,
                Claims = claims,
                IssuedAt = DateTime.UtcNow,
                NotBefore = DateTime.UtcNow.AddMinutes(-1),
                Expires = DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { id_token = idToken, access_token = "not-used", token_type = "Bearer", expires_in = 300 });
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
