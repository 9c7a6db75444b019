using System.Data;
using System.Data.Common;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ImprovementPlan.Web.Features.Evidence;

/// <summary>
/// A file's bytes read from the EvidenceContent row as a stream (SQLite's incremental blob reader,
/// SQL Server's sequential access), so a 20 MB download is not first loaded into memory. Disposing it
/// ends the read and gives the connection back.
/// </summary>
internal sealed class EvidenceContentStream : Stream
{
    private readonly Stream _inner;
    private readonly DbDataReader _reader;
    private readonly DbCommand _command;
    private readonly ImprovementPlanDbContext _db;
    private bool _disposed;

    private EvidenceContentStream(Stream inner, DbDataReader reader, DbCommand command, ImprovementPlanDbContext db)
    {
        _inner = inner;
        _reader = reader;
        _command = command;
        _db = db;
    }

    /// <summary>The stream of the row's bytes; null when the evidence has no row.</summary>
    public static async Task<Stream?> OpenAsync(ImprovementPlanDbContext db, int evidenceId, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        DbDataReader? reader = null;
        try
        {
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            // The key is read too: SQLite streams a blob only when the row's rowid is in the result.
            command.CommandText = "SELECT \"EvidenceId\", \"Content\" FROM \"EvidenceContent\" WHERE \"EvidenceId\" = @id";
            var id = command.CreateParameter();
            id.ParameterName = "@id";
            id.Value = evidenceId;
            command.Parameters.Add(id);
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await reader.DisposeAsync();
                await command.DisposeAsync();
                await db.Database.CloseConnectionAsync();
                return null;
            }

            return new EvidenceContentStream(reader.GetStream(1), reader, command, db);
        }
        catch
        {
            if (reader is not null)
            {
                await reader.DisposeAsync();
            }

            await command.DisposeAsync();
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _inner.Dispose();
            _reader.Dispose();
            _command.Dispose();
            _db.Database.CloseConnection();
        }

        base.Dispose(disposing);
    }
}
