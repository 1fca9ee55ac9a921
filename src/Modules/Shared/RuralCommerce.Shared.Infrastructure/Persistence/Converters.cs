using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Persistence;

/// <summary>Stores a timestamp as UTC ticks: SQLite then compares, orders and aggregates it correctly.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

/// <summary>Stores CNY money as whole fen: exact and fast to aggregate on both providers.</summary>
public sealed class MoneyToFenConverter() : ValueConverter<Money, long>(
    money => money.ToFen(),
    fen => Money.FromFen(fen));

public sealed class StronglyTypedIdConverter<TId>() : ValueConverter<TId, Guid>(
    id => id.Value,
    value => Create(value))
    where TId : struct, IStronglyTypedId<TId>
{
    // Expression trees cannot call static abstract members directly.
    private static TId Create(Guid value) => TId.From(value);
}

public sealed class PhoneNumberConverter() : ValueConverter<PhoneNumber, string>(
    phone => phone.Value,
    value => PhoneNumber.FromStored(value));
