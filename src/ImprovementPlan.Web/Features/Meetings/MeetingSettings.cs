using System.Globalization;
using ImprovementPlan.Domain.Meetings;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>
/// The <c>Meetings</c> configuration section: <c>BankHolidays</c>, a list of dates (yyyy-MM-dd) that are not
/// working days when the app counts back from a meeting to its update deadline.
/// </summary>
public static class MeetingSettings
{
    public const string Section = "Meetings";

    public static WorkingDays WorkingDaysFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var holidays = configuration.GetSection($"{Section}:BankHolidays").GetChildren()
            .Select(c => c.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => DateOnly.ParseExact(v!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture));
        return new WorkingDays(holidays);
    }
}
