using System.IO.Compression;
using System.Text;

namespace ImprovementPlan.Web.Features.Evidence;

/// <summary>A kind of file accepted as evidence, with the content type it is served as.</summary>
public sealed record EvidenceFileType(string Name, string ContentType);

/// <summary>
/// Decides whether an uploaded file may be kept as evidence: an allow-list checked by extension
/// AND by content (magic bytes; Office Open XML opened as a zip within limits; CSV as UTF-8 text).
/// </summary>
public static class EvidenceFileCheck
{
    public const string EmptyMessage = "The selected file is empty";
    public const string WrongTypeMessage = "The selected file must be a PDF, Word, Excel, PowerPoint, PNG, JPEG or CSV file";

    /// <summary>An Office file whose contents, unpacked, pass the zip-bomb limits below.</summary>
    public static string TooLargeUnpackedMessage => $"The selected file must be smaller than {EvidenceOptions.Describe(MaxZipUncompressedBytes)} when unpacked";

    /// <summary>Guards against zip bombs: more entries or more declared content than this is refused.</summary>
    public const int MaxZipEntries = 10_000;

    public const long MaxZipUncompressedBytes = 200L * 1024 * 1024;

    private enum Signature
    {
        Pdf,
        Png,
        Jpeg,
        Ole2,
        Zip,
        Text,
    }

    private sealed record Rule(EvidenceFileType Type, Signature Signature, string? ZipMainPart = null);

    private static readonly Dictionary<string, Rule> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = new(new("PDF", "application/pdf"), Signature.Pdf),
        [".png"] = new(new("PNG", "image/png"), Signature.Png),
        [".jpg"] = new(new("JPEG", "image/jpeg"), Signature.Jpeg),
        [".jpeg"] = new(new("JPEG", "image/jpeg"), Signature.Jpeg),
        [".csv"] = new(new("CSV", "text/csv"), Signature.Text),
        [".doc"] = new(new("Word", "application/msword"), Signature.Ole2),
        [".xls"] = new(new("Excel", "application/vnd.ms-excel"), Signature.Ole2),
        [".ppt"] = new(new("PowerPoint", "application/vnd.ms-powerpoint"), Signature.Ole2),
        [".docx"] = new(new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), Signature.Zip, "word/"),
        [".xlsx"] = new(new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), Signature.Zip, "xl/"),
        [".pptx"] = new(new("PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation"), Signature.Zip, "ppt/"),
    };

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Ole2Magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The extensions accepted, for the file input's accept attribute.</summary>
    public static string AcceptAttribute => string.Join(",", ByExtension.Keys);

    /// <summary>The file's type if it is acceptable, else the GOV.UK message saying why not.</summary>
    public static (EvidenceFileType? Type, string? Error) Check(string fileName, long length, Stream content, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (length <= 0)
        {
            return (null, EmptyMessage);
        }

        if (length > maxBytes)
        {
            return (null, $"The selected file must be smaller than {EvidenceOptions.Describe(maxBytes)}");
        }

        if (!ByExtension.TryGetValue(Path.GetExtension(fileName ?? string.Empty), out var rule))
        {
            return (null, WrongTypeMessage);
        }

        return Matches(rule, content) switch
        {
            Match.Yes => (rule.Type, null),
            Match.TooLargeUnpacked => (null, TooLargeUnpackedMessage),
            _ => (null, WrongTypeMessage),
        };
    }

    private enum Match
    {
        No,
        Yes,
        TooLargeUnpacked,
    }

    private static Match Matches(Rule rule, Stream content)
    {
        try
        {
            content.Position = 0;
            var matches = rule.Signature switch
            {
                Signature.Pdf => StartsWith(content, PdfMagic),
                Signature.Png => StartsWith(content, PngMagic),
                Signature.Jpeg => StartsWith(content, JpegMagic),
                Signature.Ole2 => StartsWith(content, Ole2Magic),
                Signature.Zip => StartsWith(content, ZipMagic),
                Signature.Text => IsUtf8Text(content),
                _ => false,
            };
            return !matches ? Match.No
                : rule.Signature == Signature.Zip ? IsOfficeOpenXml(content, rule.ZipMainPart!)
                : Match.Yes;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static bool StartsWith(Stream content, byte[] magic)
    {
        content.Position = 0;
        var buffer = new byte[magic.Length];
        return content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length
            && buffer.AsSpan().SequenceEqual(magic);
    }

    /// <summary>A real Word, Excel or PowerPoint file: a zip with [Content_Types].xml and its main part, within limits.</summary>
    private static Match IsOfficeOpenXml(Stream content, string mainPartFolder)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries)
            {
                return Match.TooLargeUnpacked;
            }

            long declared = 0;
            bool hasContentTypes = false, hasMainPart = false;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > MaxZipUncompressedBytes)
                {
                    return Match.TooLargeUnpacked;
                }

                hasContentTypes |= entry.FullName == "[Content_Types].xml";
                hasMainPart |= entry.FullName.StartsWith(mainPartFolder, StringComparison.Ordinal) && entry.FullName.Length > mainPartFolder.Length;
            }

            return hasContentTypes && hasMainPart ? Match.Yes : Match.No;
        }
        catch (InvalidDataException)
        {
            return Match.No;
        }
    }

    /// <summary>CSV: valid UTF-8 (a byte-order mark is allowed) with no NUL bytes.</summary>
    /// <summary>Whether the whole stream is UTF-8 text without NUL bytes; leaves the stream at its start.</summary>
    internal static bool IsUtf8Text(Stream content)
    {
        content.Position = 0;
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 4];
        try
        {
            int read;
            while ((read = content.Read(bytes, 0, bytes.Length)) > 0)
            {
                if (bytes.AsSpan(0, read).Contains((byte)0))
                {
                    return false;
                }

                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
