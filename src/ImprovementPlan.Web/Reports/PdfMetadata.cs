using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ImprovementPlan.Web.Reports;

/// <summary>
/// Chromium writes a PDF's title but not its author, and puts the document language only on the
/// structure tree. This appends a standard PDF incremental update (ISO 32000-1 §7.5.6) that
/// replaces the document information dictionary (title, author, subject) and adds /Lang and
/// DisplayDocTitle to the catalogue. Nothing Chromium wrote is rewritten, so tags, outline and
/// fonts are untouched. A PDF it does not recognise (cross-reference streams) is returned as it is.
/// </summary>
public static partial class PdfMetadata
{
    public static byte[] Apply(byte[] pdf, string title, string author, string? subject, string language)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var text = Encoding.Latin1.GetString(pdf);
        var startXref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        var trailerAt = startXref < 0 ? -1 : text.LastIndexOf("trailer", startXref, StringComparison.Ordinal);
        if (trailerAt < 0)
        {
            return pdf;
        }

        var trailer = text[trailerAt..startXref];
        var previousXref = StartXrefValue().Match(text, startXref);
        var size = SizeEntry().Match(trailer);
        var root = RootEntry().Match(trailer);
        if (!previousXref.Success || !size.Success || !root.Success)
        {
            return pdf;
        }

        var nextObject = int.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture);
        var rootNumber = int.Parse(root.Groups[1].Value, CultureInfo.InvariantCulture);
        var info = InfoEntry().Match(trailer);
        var infoNumber = info.Success ? int.Parse(info.Groups[1].Value, CultureInfo.InvariantCulture) : nextObject++;
        var oldInfo = info.Success ? ObjectBody(text, infoNumber) : null;
        var catalogue = ObjectBody(text, rootNumber);
        if (catalogue is null || !catalogue.TrimStart().StartsWith("<<", StringComparison.Ordinal))
        {
            return pdf;
        }

        var update = new StringBuilder();
        var offsets = new SortedDictionary<int, long>();
        var baseOffset = (long)pdf.Length;
        if (pdf[^1] != (byte)'\n')
        {
            update.Append('\n');
        }

        offsets[infoNumber] = baseOffset + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"{infoNumber} 0 obj\n<< /Title {PdfString(title)} /Author {PdfString(author)}");
        if (!string.IsNullOrWhiteSpace(subject))
        {
            update.Append(" /Subject ").Append(PdfString(subject));
        }

        update.Append(" /Creator (Improvement Plan Tracker)");
        foreach (var key in new[] { "Producer", "CreationDate", "ModDate" })
        {
            if (oldInfo is not null && Regex.Match(oldInfo, $@"/{key}\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]*>)") is { Success: true } kept)
            {
                update.Append(CultureInfo.InvariantCulture, $" /{key} {kept.Groups[1].Value}");
            }
        }

        update.Append(" >>\nendobj\n");

        var catalogueBody = catalogue.Trim();
        var additions = new StringBuilder();
        if (!catalogueBody.Contains("/Lang", StringComparison.Ordinal))
        {
            additions.Append(" /Lang ").Append(PdfString(language));
        }

        if (!catalogueBody.Contains("/ViewerPreferences", StringComparison.Ordinal))
        {
            additions.Append(" /ViewerPreferences << /DisplayDocTitle true >>");
        }

        if (additions.Length > 0)
        {
            offsets[rootNumber] = baseOffset + update.Length;
            update.Append(CultureInfo.InvariantCulture, $"{rootNumber} 0 obj\n<<{additions}{catalogueBody[2..]}\nendobj\n");
        }

        var xrefOffset = baseOffset + update.Length;
        update.Append("xref\n");
        foreach (var (number, offset) in offsets)
        {
            update.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n \n");
        }

        var id = IdEntry().Match(trailer);
        update.Append(CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {nextObject} /Root {rootNumber} 0 R /Info {infoNumber} 0 R /Prev {previousXref.Groups[1].Value}");
        if (id.Success)
        {
            update.Append(' ').Append(id.Value);
        }

        update.Append(CultureInfo.InvariantCulture, $" >>\nstartxref\n{xrefOffset}\n%%EOF\n");

        var appended = Encoding.ASCII.GetBytes(update.ToString());
        var result = new byte[pdf.Length + appended.Length];
        pdf.CopyTo(result, 0);
        appended.CopyTo(result, pdf.Length);
        return result;
    }

    /// <summary>The dictionary of the last definition of an object, without "obj" and "endobj".</summary>
    private static string? ObjectBody(string text, int number)
    {
        var header = Regex.Matches(text, $@"(?<![0-9]){number} 0 obj\b").LastOrDefault();
        if (header is null)
        {
            return null;
        }

        var start = header.Index + header.Length;
        var end = text.IndexOf("endobj", start, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var body = text[start..end];
        // A stream object is not a plain dictionary; leave such a document alone.
        return body.Contains("stream", StringComparison.Ordinal) ? null : body;
    }

    /// <summary>A PDF text string: literal when plain ASCII, otherwise UTF-16BE with a byte-order mark.</summary>
    internal static string PdfString(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~'))
        {
            return "(" + value.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("(", "\\(", StringComparison.Ordinal)
                .Replace(")", "\\)", StringComparison.Ordinal) + ")";
        }

        return "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";
    }

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXrefValue();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizeEntry();

    [GeneratedRegex(@"/Root\s+(\d+)\s+0\s+R")]
    private static partial Regex RootEntry();

    [GeneratedRegex(@"/Info\s+(\d+)\s+0\s+R")]
    private static partial Regex InfoEntry();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]")]
    private static partial Regex IdEntry();
}
