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

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+8613800138000", "+8613800138000")]
    [InlineData("13800138000", "+8613800138000")]
    [InlineData("138 0013 8000", "+8613800138000")]
    [InlineData("+86 138-0013-8000", "+8613800138000")]
    [InlineData("008613800138000", "+8613800138000")]
    [InlineData("+85291234567", "+85291234567")]
    public void Common_ways_of_typing_a_mobile_number_become_E164(string input, string expected)
    {
        Assert.True(PhoneNumber.TryParse(input, out var phone));
        Assert.Equal(expected, phone.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("12345")]
    [InlineData("+8612800138000")]
    [InlineData("+86138001380001")]
    [InlineData("+0123456789")]
    public void Anything_else_is_refused(string input)
    {
        Assert.False(PhoneNumber.TryParse(input, out _));
        var error = Assert.Throws<RequestValidationException>(() => PhoneNumber.Parse(input));
        Assert.Contains("phone", error.Errors.Keys);
    }

    [Fact]
    public void A_masked_number_hides_the_middle_digits()
    {
        Assert.Equal("+86 138****8000", PhoneNumber.Parse("+8613800138000").Masked);
        Assert.Equal("+4479****1234", PhoneNumber.Parse("+447911991234").Masked);
    }
}
