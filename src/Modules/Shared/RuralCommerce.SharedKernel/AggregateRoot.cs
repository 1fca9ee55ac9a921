namespace RuralCommerce.SharedKernel;

/// <summary>
/// A consistency boundary. <see cref="Version"/> is the optimistic concurrency token: the module's DbContext
/// increments it on every save, so two writers of the same aggregate cannot both win.
/// </summary>
public abstract class AggregateRoot : Entity
{
    public int Version { get; private set; }
}
