using CsvHelper;
using ImprovementPlan.Domain.Measures.Dfe;

namespace ImprovementPlan.Web.Features.Measures.Import;

/// <summary>A CSV file as a header and rows, or the reason it could not be read as CSV.</summary>
public sealed record CsvContent(IReadOnlyList<string> Header, IReadOnlyList<DfeRow> Rows, string? Error);

/// <summary>
/// Reads the DfE's CSV files with CsvHelper (RFC 4180 quoting, UTF-8 with or without a byte-order
/// mark) into the domain's tables: a tidy statistics file or a statistical-neighbour groupings file.
/// </summary>
public static class DfeCsvReader
{
    /// <summary>No DfE row comes near this; a larger "row" is a file that is not CSV at all.</summary>
    private const int MaxRecordBytes = 1024 * 1024;

    public static DfeTableReading ReadTidyFile(Stream content)
    {
        var csv = Read(content);
        return csv.Error is { } error ? new DfeTableReading(null, [error]) : DfeTidyTable.Read(csv.Header, csv.Rows);
    }

    public static NeighbourGroupingsReading ReadGroupings(Stream content)
    {
        var csv = Read(content);
        return csv.Error is { } error ? new NeighbourGroupingsReading(null, [error]) : NeighbourGroupings.Read(csv.Header, csv.Rows);
    }

    public static CsvContent Read(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            MaxRecordSize = MaxRecordBytes,
            PoolStrings = true,
        };

        try
        {
            using var reader = CsvReader.Create(content, options, leaveOpen: true);
            var header = reader.Headers.ToArray();
            var rows = new List<DfeRow>();
            while (reader.Read())
            {
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader.GetString(i) ?? string.Empty;
                }

                rows.Add(new DfeRow(checked((int)reader.LineNumber), cells));
            }

            return new CsvContent(header, rows, null);
        }
        catch (Exception e) when (e is CsvFormatException or InvalidDataException or System.Text.DecoderFallbackException)
        {
            return new CsvContent([], [], "The file could not be read as CSV: " + e.Message.TrimEnd('.') + ".");
        }
    }
}
