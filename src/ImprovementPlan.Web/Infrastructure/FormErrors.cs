using System.ComponentModel.DataAnnotations;

namespace ImprovementPlan.Web.Infrastructure;

/// <summary>
/// What was wrong with a form, keyed by field name (with its prefix, as the view names it), in the order
/// found. Use cases fill it and return it; controllers copy it into the page's model state. It starts with the
/// form's own attribute rules (required, lengths), so a use case's answer is the whole of the form's validation.
/// </summary>
public sealed class FormErrors : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _errors = [];

    /// <summary>The errors of <paramref name="form"/>'s validation attributes, keyed as <c>prefix.Property</c> when a prefix is given.</summary>
    public static FormErrors Of(object form, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new FormErrors();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault() ?? string.Empty;
            errors.Add(prefix is null || member.Length == 0 ? member : $"{prefix}.{member}", result.ErrorMessage ?? "Check this answer");
        }

        return errors;
    }

    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Adds a message for a field; a field keeps only its first message, as the error summary shows one per field.</summary>
    public void Add(string field, string message)
    {
        if (!_errors.Exists(e => e.Key == field))
        {
            _errors.Add(new(field, message));
        }
    }

    public bool Has(string field) => _errors.Exists(e => e.Key == field);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _errors.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
