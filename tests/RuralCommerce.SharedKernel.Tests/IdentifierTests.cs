using RuralCommerce.SharedKernel;

namespace RuralCommerce.SharedKernel.Tests;

public sealed class IdentifierTests
{
    [Fact]
    public void New_ids_are_version_7_and_ordered_by_the_injected_clock()
    {
        var early = new FixedClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var late = new FixedClock(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

        var first = NewId.Next(early);
        var second = NewId.Next(late);

        Assert.Equal(7, first.Version);
        Assert.True(string.CompareOrdinal(first.ToString(), second.ToString()) < 0);
    }

    [Fact]
    public void A_typed_id_wraps_a_guid()
    {
        var value = Guid.CreateVersion7();

        Assert.Equal(value, SampleId.From(value).Value);
        Assert.NotEqual(SampleId.From(value), SampleId.From(Guid.CreateVersion7()));
    }

    [Fact]
    public void Integration_events_get_their_identity_without_losing_their_data()
    {
        IntegrationEvent original = new SampleHappened("tea");
        var occurredAt = DateTimeOffset.UnixEpoch;

        var stamped = original with { EventId = Guid.CreateVersion7(), OccurredAt = occurredAt };

        var typed = Assert.IsType<SampleHappened>(stamped);
        Assert.Equal("tea", typed.Produce);
        Assert.Equal(occurredAt, typed.OccurredAt);
        Assert.NotEqual(Guid.Empty, typed.EventId);
    }

    private sealed record SampleHappened(string Produce) : IntegrationEvent;

    private readonly record struct SampleId(Guid Value) : IStronglyTypedId<SampleId>
    {
        public static SampleId From(Guid value) => new(value);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
