using System.Globalization;
using System.Net;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.VisualBasic.FileIO;

namespace ImprovementPlan.Web.Tests.Features.Export;

public sealed class ActionsCsvTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly string[] SeedColumns =
    [
        "REF", "LINK TO", "ACTIONS", "TIMEFRAME", "OUTCOME", "HOW WILL WE KNOW", "WHAT SUCCESS LOOKS LIKE",
        "SENIOR RESPONSIBLE OFFICER", "LEAD OFFICER", "STATUS", "RAG",
    ];

    private static readonly string[] RagWords = ["Red", "Amber", "Green", "Blue"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_Anonymous_RedirectsToSignIn()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/export/actions.csv", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.CommitteeClerk)]
    [InlineData(Roles.HeadOfService)]
    [InlineData(Roles.ServiceDirector)]
    [InlineData(Roles.PerformanceOfficer)]
    [InlineData(Roles.Administrator)]
    public async Task Get_AnySignedInRole_ReturnsUtf8Csv(string role)
    {
        using var client = await factory.SignedInClientAsync(role);

        using var response = await client.GetAsync(new Uri("/export/actions.csv", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("action-plan.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
    }

    [Fact]
    public async Task Get_ParsesBackTo57RowsWithTheSeedColumnsInOrder()
    {
        var (header, rows) = await DownloadAsync();

        Assert.Equal(SeedColumns, header);
        Assert.Equal(57, rows.Count);
        Assert.Equal("LG1", rows[0]["REF"]);
        Assert.Equal("E57", rows[^1]["REF"]);
    }

    [Fact]
    public async Task Get_EveryFieldRoundTripsExactlyAsStored()
    {
        var (_, rows) = await DownloadAsync();
        var actions = await factory.WithDbAsync(db => db.Actions.OrderBy(a => a.Sequence).ToListAsync(Ct));

        Assert.Equal(actions.Count, rows.Count);
        for (var i = 0; i < actions.Count; i++)
        {
            var (action, row) = (actions[i], rows[i]);
            Assert.Equal(action.Reference, row["REF"]);
            Assert.Equal(action.LinkTo ?? "", row["LINK TO"]);
            Assert.Equal(action.ActionText, row["ACTIONS"]);
            Assert.Equal(action.DueDate!.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), row["TIMEFRAME"]);
            Assert.Equal(action.Outcome ?? "", row["OUTCOME"]);
            Assert.Equal(action.HowWillWeKnow ?? "", row["HOW WILL WE KNOW"]);
            Assert.Equal(action.WhatSuccessLooksLike ?? "", row["WHAT SUCCESS LOOKS LIKE"]);
            Assert.Equal(action.SeniorResponsibleOfficer ?? "", row["SENIOR RESPONSIBLE OFFICER"]);
            Assert.Equal(action.LeadOfficer ?? "", row["LEAD OFFICER"]);
        }

        // Multi-line cells survive: proof that quoting follows RFC 4180.
        Assert.Contains(rows, r => r["OUTCOME"].Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_StatusAndRagAreWords()
    {
        var (_, rows) = await DownloadAsync();

        Assert.All(rows, r => Assert.Contains(r["RAG"], RagWords));
        Assert.All(rows, r => Assert.Equal("Not yet reported", r["STATUS"]));

        // On 1 March 2021 an action whose date has passed, with no completion, is Red.
        var lg1 = rows.Single(r => r["REF"] == "LG1");
        Assert.Equal("31/10/2020", lg1["TIMEFRAME"]);
        Assert.Equal("Red", lg1["RAG"]);
    }

    private async Task<(string[] Header, List<Dictionary<string, string>> Rows)> DownloadAsync()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var bytes = await client.GetByteArrayAsync(new Uri("/export/actions.csv", UriKind.Relative), Ct);
        Assert.False(bytes is [0xEF, 0xBB, 0xBF, ..], "The CSV starts with a byte-order mark.");

        // The framework's own RFC 4180 reader, independent of the app's writer.
        using var parser = new TextFieldParser(new StringReader(System.Text.Encoding.UTF8.GetString(bytes)))
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            Assert.Equal(header.Length, fields.Length);
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }

        return (header, rows);
    }
}
