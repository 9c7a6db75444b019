using System.Globalization;

namespace ImprovementPlan.Domain.Rag;

/// <summary>Formats dates and figures in the reasons shown to users, whatever the server's culture.</summary>
internal static class RagText
{
    public static string Date(DateOnly date) =>
        date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Number(decimal value) =>
        value.ToString("0.############", CultureInfo.InvariantCulture);

    public static string Percent(decimal fraction) =>
        (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Days(int days) =>
        days == 1 ? "1 day" : days.ToString(CultureInfo.InvariantCulture) + " days";
}
