namespace ImprovementPlan.Web.Features.Measures.Import;

/// <summary>Whether an uploaded file may be read as a DfE CSV file: its name, size and content (UTF-8 text, no NUL bytes).</summary>
public static class ImportFileCheck
{
    public const string WrongTypeMessage = "The selected file must be a CSV file";

    /// <summary>Null when the file may be read, else the GOV.UK message saying why not.</summary>
    public static string? Check(string? fileName, long length, Stream content, long maxBytes, string what = "The selected file")
    {
        ArgumentNullException.ThrowIfNull(content);
        if (length <= 0)
        {
            return $"{what} is empty";
        }

        if (length > maxBytes)
        {
            return $"{what} must be smaller than {Evidence.EvidenceOptions.Describe(maxBytes)}";
        }

        if (!string.Equals(Path.GetExtension(fileName ?? string.Empty), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            return $"{what} must be a CSV file";
        }

        return Evidence.EvidenceFileCheck.IsUtf8Text(content) ? null : $"{what} must be a CSV file saved as UTF-8 text";
    }
}
