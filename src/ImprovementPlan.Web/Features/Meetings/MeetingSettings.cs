using System.Globalization;
using ImprovementPlan.Domain.Meetings;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>
/// The <c>Meetings</c> configuration section: <c>BankHolidays</c>, a list of dates (yyyy-MM-dd) that are not
/// working days when the app counts back from a meeting to its update deadline and when the reminders fall due.
/// It is read here only, once (the app registers one <see cref="WorkingDays"/>); a date it cannot read stops the app
/// from working out deadlines rather than being skipped.
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
            .Select(v => DateOnly.TryParseExact(v!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new InvalidOperationException($"{Section}:BankHolidays holds \"{v}\", which is not a date written yyyy-MM-dd."));
        return new WorkingDays(holidays);
    }
}
