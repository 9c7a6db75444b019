using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Account;

/// <summary>The app with a certificate for encrypting its Data Protection keys, made for the test and kept in its data folder.</summary>
public sealed class KeyEncryptionAppFactory : AppFactory
{
    public const string Password = "certificate passphrase for tests";

    public KeyEncryptionAppFactory()
    {
        CertificatePath = Path.Combine(DataDirectory, "data-protection.pfx");
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Improvement Plan Tracker keys", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, Password));
    }

    public string CertificatePath { get; }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DataProtection:CertificatePath"] = CertificatePath,
        ["DataProtection:CertificatePassword"] = Password,
    };
}

public sealed class KeyEncryptionTests(KeyEncryptionAppFactory factory) : IClassFixture<KeyEncryptionAppFactory>
{
    [Fact]
    public async Task SignIn_WithACertificateConfigured_StoresTheKeysEncryptedAndStillReadsTheCookie()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var keys = await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }
}
