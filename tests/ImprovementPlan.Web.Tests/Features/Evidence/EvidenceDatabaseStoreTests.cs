using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static ImprovementPlan.Web.Tests.Features.Updates.UpdateTestData;

namespace ImprovementPlan.Web.Tests.Features.Evidence;

/// <summary>Refuses the insert of an evidence file's bytes while switched on, as a database that fails mid-save.</summary>
public sealed class FailingContentInsert : DbCommandInterceptor
{
    public bool Fail { get; set; }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Fail && command.CommandText.Contains("INSERT INTO \"EvidenceContent\"", StringComparison.Ordinal)
            ? throw new InvalidOperationException("The test refused the evidence content insert.")
            : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>The app with the default (database) evidence store and a switch to make the content insert fail.</summary>
public sealed class DatabaseStoreFactory : AppFactory
{
    public FailingContentInsert Failure { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IDbCommandInterceptor>(Failure));
    }
}

public sealed class EvidenceDatabaseStoreTests(DatabaseStoreFactory factory) : IClassFixture<DatabaseStoreFactory>
{
    private Task<int> ContentRowsAsync() => factory.WithDbAsync(db => db.EvidenceContents.CountAsync(Ct));

    [Fact]
    public async Task Post_File_KeepsItsBytesInTheDatabaseAndDownloadsByteIdentical()
    {
        var (_, client) = await factory.LeadOfActionAsync("E48");
        var pdf = Pdf(150_000);

        using var response = await client.PostFormAsync("/actions/E48/updates/new", Fields(), ("board report.pdf", pdf));

        var evidence = Assert.Single((await factory.UpdateAsync(RedirectedUpdateId(response)))!.Evidence);
        var stored = await factory.WithDbAsync(db => db.EvidenceContents.AsNoTracking().SingleAsync(c => c.EvidenceId == evidence.Id, Ct));
        Assert.Equal(pdf, stored.Content);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), evidence.Sha256);
        Assert.False(Directory.Exists(Path.Combine(factory.DataDirectory, "evidence")));
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "uploading")));
        using var download = await client.GetAsync(new Uri($"/evidence/{evidence.Id}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Post_UpdateWhoseContentInsertFails_LeavesNoUpdateNoEvidenceAndNoContentRow()
    {
        var (_, client) = await factory.LeadOfActionAsync("E49");
        var before = (Updates: await factory.UpdateCountAsync(), Evidence: await factory.WithDbAsync(db => db.Evidence.CountAsync(Ct)),
            Content: await ContentRowsAsync());

        factory.Failure.Fail = true;
        HttpStatusCode status;
        try
        {
            using var response = await client.PostFormAsync("/actions/E49/updates/new", Fields(), ("report.pdf", Pdf()));
            status = response.StatusCode;
        }
        finally
        {
            factory.Failure.Fail = false;
        }

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(before.Updates, await factory.UpdateCountAsync());
        Assert.Equal(before.Evidence, await factory.WithDbAsync(db => db.Evidence.CountAsync(Ct)));
        Assert.Equal(before.Content, await ContentRowsAsync());
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "uploading")));
    }

    [Fact]
    public async Task Post_RemoveEvidence_DeletesItsContentRow()
    {
        var (_, client) = await factory.LeadOfActionAsync("E50");
        using var created = await client.PostFormAsync("/actions/E50/updates/new", Fields(), ("first.pdf", Pdf()), ("second.pdf", Pdf(400)));
        var update = await factory.UpdateAsync(RedirectedUpdateId(created));
        var first = update!.Evidence.Single(e => e.OriginalFileName == "first.pdf");
        var second = update.Evidence.Single(e => e.OriginalFileName == "second.pdf");

        using var removed = await client.PostFieldsAsync($"/evidence/{first.Id}/remove");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var left = await factory.WithDbAsync(db => db.EvidenceContents.Where(c => c.EvidenceId == first.Id || c.EvidenceId == second.Id)
            .Select(c => c.EvidenceId).ToListAsync(Ct));
        Assert.Equal([second.Id], left);
    }

    [Fact]
    public async Task Post_DeleteDraft_DeletesItsContentRows()
    {
        var (_, client) = await factory.LeadOfActionAsync("E51");
        using var created = await client.PostFormAsync("/actions/E51/updates/new", Fields(), ("draft.pdf", Pdf()));
        var id = RedirectedUpdateId(created);
        var evidenceId = (await factory.UpdateAsync(id))!.Evidence.Single().Id;

        using var deleted = await client.PostFieldsAsync($"/updates/{id}/delete");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await factory.UpdateAsync(id));
        Assert.Equal(0, await factory.WithDbAsync(db => db.EvidenceContents.CountAsync(c => c.EvidenceId == evidenceId, Ct)));
    }
}

/// <summary>An installation upgraded from the folder store: its files move into the database at the next start.</summary>
public sealed class EvidenceFolderImportTests : IDisposable
{
    private readonly AppFactory _before = new FolderStoreFactory();

    public void Dispose() => _before.Dispose();

    [Fact]
    public async Task FolderEvidence_AtStartUpWithTheDatabaseStore_IsMovedIntoTheDatabaseAndStillDownloads()
    {
        var (user, client) = await _before.LeadOfActionAsync("E52");
        var pdf = Pdf(2000);
        using var created = await client.PostFormAsync("/actions/E52/updates/new", Fields(), ("kept.pdf", pdf));
        var evidence = Assert.Single((await _before.UpdateAsync(RedirectedUpdateId(created)))!.Evidence);
        var file = Path.Combine(_before.DataDirectory, "evidence", evidence.StoredName!);
        Assert.True(File.Exists(file));

        using var after = new SharedDataFactory(_before.DataDirectory);
        using var signedIn = await after.SignedInAsync(user);
        using var download = await signedIn.GetAsync(new Uri($"/evidence/{evidence.Id}", UriKind.Relative), Ct);

        Assert.Equal(pdf, await after.WithDbAsync(db => db.EvidenceContents.Where(c => c.EvidenceId == evidence.Id).Select(c => c.Content).SingleAsync(Ct)));
        Assert.False(File.Exists(file));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    private sealed class FolderStoreFactory : AppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Storage:Evidence:Kind"] = "Folder" };
    }
}
