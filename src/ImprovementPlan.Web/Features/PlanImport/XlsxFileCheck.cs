using System.Globalization;
using System.IO.Compression;

namespace ImprovementPlan.Web.Features.PlanImport;

/// <summary>
/// Whether an upload may be opened as a workbook, checked before any Office library sees it: its name,
/// size, the zip signature, the number of parts, and the bytes it really unpacks to (each part is
/// inflated and counted, so a part that lies about its size is caught too).
/// </summary>
public static class XlsxFileCheck
{
    public const string WrongType = "The selected file must be an Excel workbook (.xlsx)";

    /// <summary>Null when the file may be read, else the message saying why not.</summary>
    public static string? Check(string? fileName, Stream content, PlanImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        if (content.Length == 0)
        {
            return "The selected file is empty";
        }

        if (content.Length > options.MaxFileSizeBytes)
        {
            return $"The selected file must be smaller than {options.MaxFileSizeText}";
        }

        if (!string.Equals(Path.GetExtension(fileName ?? string.Empty), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return WrongType;
        }

        content.Position = 0;
        Span<byte> signature = stackalloc byte[4];
        if (content.ReadAtLeast(signature, 4, throwOnEndOfStream: false) < 4 || signature[0] != 'P' || signature[1] != 'K' || signature[2] != 3 || signature[3] != 4)
        {
            content.Position = 0;
            return WrongType;
        }

        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > options.MaxZipEntries)
            {
                return $"The selected file holds more than {options.MaxZipEntries.ToString("N0", CultureInfo.InvariantCulture)} parts, too many for a workbook";
            }

            if (!zip.Entries.Any(e => string.Equals(e.FullName, "xl/workbook.xml", StringComparison.OrdinalIgnoreCase)))
            {
                return WrongType;
            }

            var tooLarge = $"The selected file is too large when unpacked (more than {Evidence.EvidenceOptions.Describe(options.MaxUnpackedBytes)}); save the workbook again, or split it";
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > options.MaxUnpackedBytes)
                {
                    return tooLarge;
                }
            }

            long unpacked = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                long thisPart = 0;
                int read;
                while ((read = part.Read(buffer)) > 0)
                {
                    thisPart += read;
                    unpacked += read;
                    if (unpacked > options.MaxUnpackedBytes || thisPart > entry.Length)
                    {
                        return tooLarge;
                    }
                }
            }
        }
        catch (InvalidDataException)
        {
            return WrongType;
        }
        finally
        {
            content.Position = 0;
        }

        return null;
    }
}
