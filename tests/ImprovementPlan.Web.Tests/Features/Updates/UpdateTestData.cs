using System.Net;
using System.Net.Http.Headers;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using TestUsers = ImprovementPlan.Web.Tests.Infrastructure.Users;

namespace ImprovementPlan.Web.Tests.Features.Updates;

/// <summary>Builders for the progress-update tests: leads, signed-in clients and multipart posts of the update form.</summary>
public static class UpdateTestData
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A head of service who leads the given action, signed in.</summary>
    public static async Task<(ApplicationUser User, HttpClient Client)> LeadOfActionAsync(this AppFactory factory, string reference)
    {
        var user = await factory.CreateAsync(Roles.HeadOfService);
        await factory.WithDbAsync(async db =>
        {
            // The seeded plan's action: a test class that copies the plan has the same reference in the copy.
            var action = await db.Actions.Where(a => a.Reference == reference).OrderBy(a => a.PlanId).FirstAsync(Ct);
            action.AssignLead(user.Id);
            return await db.SaveChangesAsync(Ct);
        });
        return (user, await factory.SignedInAsync(user));
    }

    public static async Task<HttpClient> SignedInAsync(this AppFactory factory, ApplicationUser user)
    {
        var client = factory.CreateClient();
        var response = await client.SignInAsync(user.Email!, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The fields of a plain, valid update, to be changed per test.</summary>
    public static Dictionary<string, string> Fields(string narrative = "We audited 40 case files.", string intent = "Draft") => new()
    {
        ["Narrative"] = narrative,
        ["NextSteps"] = "Report the audit to the board.",
        ["ImpactEvidence"] = "",
        ["DeliveryRag"] = "NoChange",
        ["ImpactRag"] = "NoChange",
        ["Status"] = "NoChange",
        ["Intent"] = intent,
    };

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, IDictionary<string, string> fields,
        params (string FileName, byte[] Content)[] files)
    {
        var token = await client.AntiforgeryTokenAsync("/");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "Files", fileName);
        }

        return await client.PostAsync(new Uri(path, UriKind.Relative), content, Ct);
    }

    /// <summary>Posts a form of plain fields with the antiforgery token, as a browser would.</summary>
    public static Task<HttpResponseMessage> PostFieldsAsync(this HttpClient client, string path, IDictionary<string, string>? fields = null) =>
        FormPosting.PostFormAsync(client, path, fields ?? new Dictionary<string, string>());

    /// <summary>The id of the update a successful post redirected to (/updates/{id}).</summary>
    public static int RedirectedUpdateId(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/updates/", location, StringComparison.Ordinal);
        return int.Parse(location["/updates/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<ProgressUpdate?> UpdateAsync(this AppFactory factory, int id) =>
        factory.WithDbAsync(db => db.ProgressUpdates.AsNoTracking().Include(u => u.Evidence).SingleOrDefaultAsync(u => u.Id == id, Ct));

    public static Task<int> UpdateCountAsync(this AppFactory factory) =>
        factory.WithDbAsync(db => db.ProgressUpdates.CountAsync(Ct));

    public static Task<int> ActionIdAsync(this AppFactory factory, string reference) =>
        factory.WithDbAsync(db => db.Actions.Where(a => a.Reference == reference).OrderBy(a => a.PlanId).Select(a => a.Id).FirstAsync(Ct));

    public static async Task<string[]> ErrorsAsync(HttpResponseMessage response)
    {
        var page = await TestUsers.ParseAsync(response);
        return page.QuerySelectorAll("[data-testid=error-summary] li").Select(li => li.TextContent.Trim()).ToArray();
    }

    /// <summary>The files in the evidence folder (none if it does not exist yet).</summary>
    public static string[] EvidenceFiles(this AppFactory factory)
    {
        var folder = Path.Combine(factory.DataDirectory, "evidence");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray() : [];
    }

    public static byte[] Pdf(int length = 300)
    {
        var bytes = new byte[length];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        for (var i = 9; i < length; i++)
        {
            bytes[i] = (byte)('a' + (i % 26));
        }

        return bytes;
    }

    public static byte[] Png()
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        return [.. signature, .. Enumerable.Range(0, 200).Select(i => (byte)i)];
    }
}
