using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using ImprovementPlan.Web.Tests.Infrastructure;

namespace ImprovementPlan.Web.Tests.Features.PlanImport;

/// <summary>The app for the plan import tests, with an unpacked-size limit small enough for a quick zip bomb.</summary>
public sealed class PlanImportAppFactory : AppFactory
{
    public const long MaxUnpackedBytes = 5 * 1024 * 1024;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["PlanImport:MaxUnpackedBytes"] = MaxUnpackedBytes.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>Driving the import's pages as a browser would.</summary>
public static class PlanImportTestSupport
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HttpResponseMessage> UploadWorkbookAsync(this HttpClient client, byte[] content, string fileName = "plan.xlsx")
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await client.AntiforgeryTokenAsync("/");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var bytes = new ByteArrayContent(content);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(bytes, "File", fileName);
        return await client.PostAsync(new Uri("/plan/import", UriKind.Relative), form, Ct);
    }

    /// <summary>Uploads the workbook and follows the redirects to the page it lands on (the mapping page or the preview).</summary>
    public static async Task<(string Path, IHtmlDocument Page)> UploadAndFollowAsync(this HttpClient client, byte[] content)
    {
        using var uploaded = await client.UploadWorkbookAsync(content);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        return await client.FollowAsync(uploaded.Headers.Location!.OriginalString);
    }

    public static async Task<(string Path, IHtmlDocument Page)> FollowAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        for (var hops = 0; hops < 5; hops++)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                path = response.Headers.Location!.OriginalString;
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (path, await Users.ParseAsync(response));
        }

        throw new InvalidOperationException("Too many redirects.");
    }

    /// <summary>The problems the preview lists.</summary>
    public static IReadOnlyList<string> Problems(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=problems] li").Select(li => li.TextContent.Trim())];

    /// <summary>Posts the preview's confirmation form as it stands.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(this HttpClient client, string previewPath, IHtmlDocument preview)
    {
        var action = previewPath.Replace("/preview", "/confirm", StringComparison.Ordinal);
        return await client.PostFormAsync(action, FormPosting.FieldsOf(preview, action));
    }

    /// <summary>An Actions sheet with the template's three required columns and the given rows.</summary>
    public static byte[] ActionsWorkbook(params object?[][] rows) =>
        new TestWorkbook().Sheet("Actions", [["REF", "WORKSTREAM", "ACTIONS", "DUE DATE"], .. rows]).ToArray();
}
