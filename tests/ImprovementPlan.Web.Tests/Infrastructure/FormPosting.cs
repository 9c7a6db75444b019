using AngleSharp.Html.Dom;

namespace ImprovementPlan.Web.Tests.Infrastructure;

/// <summary>Posts forms as a browser would: with the antiforgery token, and with the fields a page's form holds.</summary>
public static class FormPosting
{
    /// <summary>
    /// Posts <paramref name="fields"/> to <paramref name="path"/>. The token comes from the home page's
    /// sign-out form, which every signed-in user can load, so refused users can be tested too.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await client.AntiforgeryTokenAsync("/");
        var all = fields.Where(f => f.Key != "__RequestVerificationToken").Append(new("__RequestVerificationToken", token)).ToList();
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, params (string Key, string Value)[] fields) =>
        client.PostFormAsync(path, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>The fields the form posting to <paramref name="action"/> would submit as it stands (checked boxes only, selected options).</summary>
    public static List<KeyValuePair<string, string>> FieldsOf(IHtmlDocument page, string action)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.GetAttribute("action") == action);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlInputElement input when input.Type != "submit" && !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement textarea:
                    fields.Add(new(textarea.Name!, textarea.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(select.Name!, select.Value ?? string.Empty));
                    break;
                default:
                    break;
            }
        }

        return fields;
    }

    /// <summary>Replaces (or adds) a field's value.</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.RemoveAll(f => f.Key == key);
        fields.Add(new(key, value));
        return fields;
    }

    /// <summary>The texts of the error summary's links.</summary>
    public static IReadOnlyList<string> Errors(IHtmlDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return [.. page.QuerySelectorAll("[data-testid=error-summary] li").Select(li => li.TextContent.Trim())];
    }
}
