namespace RuralCommerce.SharedKernel;

/// <summary>
/// Implemented by <c>readonly record struct XxxId(Guid Value)</c> ids. Module DbContexts map every such id to its
/// Guid automatically.
/// </summary>
public interface IStronglyTypedId<TSelf>
    where TSelf : struct, IStronglyTypedId<TSelf>
{
    Guid Value { get; }

    static abstract TSelf From(Guid value);
}

/// <summary>New identifiers are Guid version 7: time-ordered, so inserts stay at the end of indexes.</summary>
public static class NewId
{
    public static Guid Next(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Guid.CreateVersion7(clock.GetUtcNow());
    }
}
