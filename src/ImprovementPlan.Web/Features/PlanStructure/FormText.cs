namespace ImprovementPlan.Web.Features.PlanStructure;

/// <summary>Small helpers for the structure forms' text fields.</summary>
internal static class FormText
{
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A textarea's lines, one statement a line, blank lines dropped.</summary>
    public static List<string> Lines(string? value) =>
        [.. (value ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    public static void Require(Dictionary<string, string> errors, string field, string? value, string message, int maxLength, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = message;
        }
        else
        {
            Limit(errors, field, value, maxLength, what);
        }
    }

    public static void Limit(Dictionary<string, string> errors, string field, string? value, int maxLength, string what)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            errors[field] = $"{what} must be {maxLength} characters or fewer";
        }
    }

    public static int? Number(Dictionary<string, string> errors, string field, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = $"Enter the {what}";
            return null;
        }

        if (!int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            || number is < 1 or > 999)
        {
            errors[field] = $"The {what} must be a whole number from 1 to 999";
            return null;
        }

        return number;
    }
}
