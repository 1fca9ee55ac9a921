using RuralCommerce.SharedKernel;

namespace RuralCommerce.SharedKernel.Tests;

public sealed class MoneyTests
{
    [Fact]
    public void Adding_and_subtracting_CNY_is_exact()
    {
        var total = Money.Yuan(0.10m) + Money.Yuan(0.20m) - Money.Yuan(0.05m);

        Assert.Equal(0.25m, total.Amount);
        Assert.Equal(Money.Cny, total.Currency);
    }

    [Fact]
    public void An_amount_finer_than_one_fen_must_be_rounded_explicitly()
    {
        Assert.Throws<ArgumentException>(() => Money.Yuan(12.345m));

        Assert.Equal(12.35m, Money.Yuan(12.345m, MidpointRounding.AwayFromZero).Amount);
        Assert.Equal(12.34m, Money.Yuan(12.345m, MidpointRounding.ToEven).Amount);
    }

    [Theory]
    [InlineData(18.80, 3, 56.40)]
    [InlineData(9.99, 0.333, 3.33)]
    [InlineData(0.05, 0.5, 0.03)]
    public void Multiplying_rounds_to_whole_fen_with_the_given_rule(decimal unitPrice, decimal quantity, decimal expected)
    {
        Assert.Equal(expected, Money.Yuan(unitPrice).Multiply(quantity, MidpointRounding.AwayFromZero).Amount);
    }

    [Fact]
    public void Currencies_never_mix()
    {
        var yuan = Money.Yuan(1m);
        var dollars = Money.Of(1m, "USD");

        Assert.Throws<InvalidOperationException>(() => yuan + dollars);
        Assert.Throws<InvalidOperationException>(() => yuan < dollars);
        Assert.Throws<InvalidOperationException>(() => dollars.ToFen());
    }

    [Theory]
    [InlineData("cny")]
    [InlineData("RMBX")]
    [InlineData("")]
    public void A_currency_must_be_an_ISO_code(string currency)
    {
        Assert.ThrowsAny<ArgumentException>(() => Money.Of(1m, currency));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(-250L)]
    [InlineData(123_456_789_01L)]
    public void Fen_round_trip_is_exact(long fen)
    {
        var money = Money.FromFen(fen);

        Assert.Equal(fen, money.ToFen());
        Assert.Equal(fen / 100m, money.Amount);
    }

    [Fact]
    public void Allocating_splits_without_losing_a_fen()
    {
        var shares = Money.Yuan(100m).Allocate(3);

        Assert.Equal([33.34m, 33.33m, 33.33m], shares.Select(s => s.Amount));
        Assert.Equal(100m, shares.Sum(s => s.Amount));
    }

    [Fact]
    public void Allocating_a_negative_amount_keeps_the_sign()
    {
        var shares = Money.Yuan(-0.05m).Allocate(2);

        Assert.Equal([-0.03m, -0.02m], shares.Select(s => s.Amount));
    }

    [Fact]
    public void Comparisons_and_equality_follow_the_amount()
    {
        Assert.True(Money.Yuan(2m) > Money.Yuan(1.99m));
        Assert.True(Money.Yuan(1m) <= Money.Yuan(1.00m));
        Assert.Equal(Money.Yuan(1.5m), Money.Yuan(1.50m));
        Assert.Equal("1.50 CNY", Money.Yuan(1.5m).ToString());
        Assert.True(Money.Zero.IsZero);
        Assert.True(Money.Yuan(-1m).IsNegative);
    }
}
