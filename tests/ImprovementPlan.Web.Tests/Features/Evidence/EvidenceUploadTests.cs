using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ImprovementPlan.Web.Tests.Features.Updates.UpdateTestData;
using TestUsers = ImprovementPlan.Web.Tests.Infrastructure.Users;

namespace ImprovementPlan.Web.Tests.Features.Evidence;

/// <summary>
/// The app with a 1 KB evidence limit, so the size boundary can be tested with small files, keeping
/// evidence in the folder store (the database store has its own tests).
/// </summary>
public sealed class SmallUploadsFactory : AppFactory
{
    public const int Limit = 1024;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Evidence:MaxFileSizeBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Storage:Evidence:Kind"] = "Folder",
    };
}

public sealed class EvidenceUploadTests(SmallUploadsFactory factory) : IClassFixture<SmallUploadsFactory>
{
    private const string WrongType = "The selected file must be a PDF, Word, Excel, PowerPoint, PNG, JPEG or CSV file";

    private async Task<(int Updates, int Evidence, string[] Files, int Rejections)> StoredAsync() =>
        (await factory.UpdateCountAsync(),
            await factory.WithDbAsync(db => db.Evidence.CountAsync(Ct)),
            factory.EvidenceFiles(),
            await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Security" && e.Operation == "UploadRejected", Ct)));

    private static byte[] Zip(params string[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        return stream.ToArray();
    }

    public static TheoryData<string, byte[], string> RefusedFiles => new()
    {
        { "too-big.pdf", Pdf(SmallUploadsFactory.Limit + 1), "The selected file must be smaller than 1 KB" },
        { "program.pdf", [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], WrongType },
        { "report.docx", Pdf(), WrongType },
        { "report.docx", Zip("[Content_Types].xml", "xl/workbook.xml"), WrongType },
        { "report.docx", Zip("word/document.xml"), WrongType },
        { "empty.pdf", [], "The selected file is empty" },
        { "script.exe", Pdf(), WrongType },
        { "photo.png", Pdf(), WrongType },
        { "figures.csv", [0x61, 0x2C, 0x00, 0x62], WrongType },
        { "figures.csv", [0x61, 0x2C, 0xC3, 0x28], WrongType },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task Post_RefusedFile_ShowsTheMessageAndStoresNothing(string fileName, byte[] content, string message)
    {
        var (_, client) = await factory.LeadOfActionAsync("E48");
        var before = await StoredAsync();

        using var response = await client.PostFormAsync("/actions/E48/updates/new", Fields(), (fileName, content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([message], await ErrorsAsync(response));
        var page = await TestUsers.ParseAsync(response);
        Assert.Equal("#Files", page.QuerySelector("[data-testid=error-summary] a")!.GetAttribute("href"));
        var after = await StoredAsync();
        Assert.Equal(before.Updates, after.Updates);
        Assert.Equal(before.Evidence, after.Evidence);
        Assert.Equal(before.Files, after.Files);
        Assert.Equal(before.Rejections + 1, after.Rejections);
    }

    [Fact]
    public async Task Post_FileOfExactlyTheLimit_IsStored()
    {
        var (_, client) = await factory.LeadOfActionAsync("E49");
        var before = factory.EvidenceFiles();

        using var response = await client.PostFormAsync("/actions/E49/updates/new", Fields(), ("at-the-limit.pdf", Pdf(SmallUploadsFactory.Limit)));

        var update = await factory.UpdateAsync(RedirectedUpdateId(response));
        var evidence = Assert.Single(update!.Evidence);
        Assert.Equal(SmallUploadsFactory.Limit, evidence.SizeBytes);
        Assert.Single(factory.EvidenceFiles().Except(before));
    }

    [Fact]
    public async Task Post_PdfAndPng_AreStoredAndDownloadableAsAttachmentsWithTheSameBytes()
    {
        var (_, client) = await factory.LeadOfActionAsync("E50");
        var pdf = Pdf(700);
        var png = Png();

        using var response = await client.PostFormAsync("/actions/E50/updates/new", Fields(), ("Audit findings.pdf", pdf), ("chart.png", png));

        var update = await factory.UpdateAsync(RedirectedUpdateId(response));
        Assert.Equal(2, update!.Evidence.Count);
        foreach (var (name, bytes, type) in new[] { ("Audit findings.pdf", pdf, "application/pdf"), ("chart.png", png, "image/png") })
        {
            var evidence = update.Evidence.Single(e => e.OriginalFileName == name);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), evidence.Sha256);
            Assert.True(Guid.TryParseExact(evidence.StoredName, "N", out _));
            Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "evidence", evidence.StoredName!)));

            using var download = await client.GetAsync(new Uri($"/evidence/{evidence.Id}", UriKind.Relative), Ct);

            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(type, download.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal(name, download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName!.Trim('"'));
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(await download.Content.ReadAsByteArrayAsync(Ct)));
        }
    }

    [Fact]
    public async Task Post_RealOfficeFiles_AreStored()
    {
        var (_, client) = await factory.LeadOfActionAsync("E51");
        byte[] legacy = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00];

        using var response = await client.PostFormAsync("/actions/E51/updates/new", Fields(),
            ("plan.docx", Zip("[Content_Types].xml", "word/document.xml")),
            ("figures.xlsx", Zip("[Content_Types].xml", "xl/workbook.xml")),
            ("old.doc", legacy),
            ("figures.csv", "area,count\nDudley,42\n"u8.ToArray()));

        var update = await factory.UpdateAsync(RedirectedUpdateId(response));
        Assert.Equal(
            ["application/msword", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/csv"],
            update!.Evidence.Select(e => e.ContentType).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Get_EvidenceOfAnUnapprovedUpdate_Viewer_ReturnsForbidden()
    {
        var (_, client) = await factory.LeadOfActionAsync("E52");
        using var created = await client.PostFormAsync("/actions/E52/updates/new", Fields("Submitted.", "Submit"), ("private.pdf", Pdf()));
        var update = await factory.UpdateAsync(RedirectedUpdateId(created));
        var evidenceId = update!.Evidence.Single().Id;
        using var viewer = await factory.SignedInClientAsync(Roles.Viewer);
        var (_, otherLead) = await factory.LeadOfActionAsync("E53");

        using var asViewer = await viewer.GetAsync(new Uri($"/evidence/{evidenceId}", UriKind.Relative), Ct);
        using var asOtherLead = await otherLead.GetAsync(new Uri($"/evidence/{evidenceId}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, asViewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asOtherLead.StatusCode);
    }

    [Fact]
    public async Task Post_RemoveEvidence_DeletesTheRowAndTheFile_OnlyWhileEditable()
    {
        var (_, client) = await factory.LeadOfActionAsync("E54");
        using var created = await client.PostFormAsync("/actions/E54/updates/new", Fields(), ("first.pdf", Pdf()), ("second.pdf", Pdf(400)));
        var id = RedirectedUpdateId(created);
        var update = await factory.UpdateAsync(id);
        var first = update!.Evidence.Single(e => e.OriginalFileName == "first.pdf");
        var second = update.Evidence.Single(e => e.OriginalFileName == "second.pdf");
        var (_, intruder) = await factory.LeadOfActionAsync("E55");

        using var forbidden = await intruder.PostFieldsAsync($"/evidence/{first.Id}/remove");
        using var removed = await client.PostFieldsAsync($"/evidence/{first.Id}/remove");
        using var submit = await client.PostFieldsAsync($"/updates/{id}/submit");
        using var tooLate = await client.PostFieldsAsync($"/evidence/{second.Id}/remove");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "evidence", first.StoredName!)));
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "evidence", second.StoredName!)));
        Assert.Equal(["second.pdf"], (await factory.UpdateAsync(id))!.Evidence.Select(e => e.OriginalFileName));
    }
}

/// <summary>The app whose evidence folder cannot be created (a file is in the way), as when the disk refuses a write.</summary>
public sealed class BrokenDiskFactory : AppFactory
{
    public BrokenDiskFactory() => File.WriteAllText(Path.Combine(DataDirectory, "evidence"), "not a folder");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Storage:Evidence:Kind"] = "Folder" };
}

public sealed class EvidenceWriteFailureTests(BrokenDiskFactory factory) : IClassFixture<BrokenDiskFactory>
{
    [Fact]
    public async Task Post_FileThatCannotBeWritten_TellsTheUserAndSavesNothing()
    {
        var (_, client) = await factory.LeadOfActionAsync("E56");
        var before = await factory.UpdateCountAsync();

        using var response = await client.PostFormAsync("/actions/E56/updates/new", Fields(), ("report.pdf", Pdf()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["The file could not be saved. Try again."], await ErrorsAsync(response));
        Assert.Equal(before, await factory.UpdateCountAsync());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Evidence.CountAsync(Ct)));
    }
}
