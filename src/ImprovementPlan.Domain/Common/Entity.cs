namespace ImprovementPlan.Domain.Common;

/// <summary>
/// A row people edit. <see cref="Version"/> is an application-managed concurrency token: SQLite has
/// no rowversion, so the data layer bumps it on every save and checks it on update.
/// </summary>
public abstract class Entity
{
    public int Id { get; protected set; }

    public int Version { get; private set; } = 1;

    /// <summary>Called by the data layer when the row is saved with changes.</summary>
    public void BumpVersion() => Version++;
}
