using System.IO.Compression;
using System.Net;
using ImprovementPlan.Web.Features.Evidence;
using ImprovementPlan.Web.Tests.Infrastructure;
using static ImprovementPlan.Web.Tests.Features.Updates.UpdateTestData;

namespace ImprovementPlan.Web.Tests.Features.Evidence;

public sealed class EvidenceNameAndZipBombTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("report\u202Egpj.pdf", "reportgpj.pdf")]
    [InlineData("\u202Dabc\u202C\u2066d\u2069.pdf", "abcd.pdf")]
    [InlineData("a\u200Fb\u200E.pdf", "ab.pdf")]
    [InlineData("line\r\nbreak\t.pdf", "linebreak.pdf")]
    [InlineData("zero\u200Bwidth\uFEFF.pdf", "zerowidth.pdf")]
    [InlineData("next\u0085line\u2028sep.pdf", "nextlinesep.pdf")]
    [InlineData("Café – résumé.pdf", "Café – résumé.pdf")]
    public void OriginalName_DropsControlAndDirectionCharacters(string uploaded, string kept)
    {
        Assert.Equal(kept, EvidenceStorageService.OriginalName(uploaded));
    }

    [Fact]
    public async Task Upload_NameWithARightToLeftOverride_IsStoredAndShownWithoutIt()
    {
        var (_, client) = await factory.LeadOfActionAsync("E52");

        using var response = await client.PostFormAsync("/actions/E52/updates/new", Fields(), ("report\u202Egpj.pdf", Pdf()));

        var update = await factory.UpdateAsync(RedirectedUpdateId(response));
        var evidence = Assert.Single(update!.Evidence);
        Assert.Equal("reportgpj.pdf", evidence.OriginalFileName);
        var page = await client.GetStringAsync(new Uri($"/updates/{update.Id}", UriKind.Relative), Ct);
        Assert.DoesNotContain('\u202E', page);
        Assert.Contains("reportgpj.pdf", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ZipThatUnpacksTooLarge_SaysSo()
    {
        var (_, client) = await factory.LeadOfActionAsync("E53");
        byte[] bomb;
        using (var stream = new MemoryStream())
        {
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                zip.CreateEntry("[Content_Types].xml").Open().Dispose();
                using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
                var zeros = new byte[1024 * 1024];
                for (var i = 0; i <= EvidenceFileCheck.MaxZipUncompressedBytes / zeros.Length; i++)
                {
                    part.Write(zeros);
                }
            }

            bomb = stream.ToArray();
        }

        using var response = await client.PostFormAsync("/actions/E53/updates/new", Fields(), ("plan.docx", bomb));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["The selected file must be smaller than 200 MB when unpacked"], await ErrorsAsync(response));
    }
}
