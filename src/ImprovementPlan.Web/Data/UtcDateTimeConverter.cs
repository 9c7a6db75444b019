using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ImprovementPlan.Web.Data;

/// <summary>All stored times are UTC; this marks them so when they are read back.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
