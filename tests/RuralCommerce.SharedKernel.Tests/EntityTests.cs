using RuralCommerce.SharedKernel;

namespace RuralCommerce.SharedKernel.Tests;

public sealed class EntityTests
{
    [Fact]
    public void A_broken_rule_throws_with_the_rule_that_broke()
    {
        var basket = Basket.Empty();

        var error = Assert.Throws<BusinessRuleValidationException>(() => basket.Take(1));

        Assert.IsType<BasketCannotGoBelowZeroRule>(error.BrokenRule);
        Assert.Equal(nameof(BasketCannotGoBelowZeroRule), error.RuleName);
        Assert.Equal("A basket cannot hold fewer than zero items.", error.Message);
        Assert.Empty(basket.DomainEvents);
    }

    [Fact]
    public void A_kept_rule_lets_the_change_through_and_raises_its_event()
    {
        var basket = Basket.Empty();

        basket.Add(2);
        basket.Take(1);

        Assert.Equal(1, basket.Items);
        Assert.Equal([new ItemsChanged(2), new ItemsChanged(1)], basket.DomainEvents.Cast<ItemsChanged>());
    }

    [Fact]
    public void Clearing_domain_events_empties_the_list()
    {
        var basket = Basket.Empty();
        basket.Add(1);

        basket.ClearDomainEvents();

        Assert.Empty(basket.DomainEvents);
    }

    private sealed record ItemsChanged(int Items) : IDomainEvent;

    private sealed class BasketCannotGoBelowZeroRule(int items) : IBusinessRule
    {
        public string Message => "A basket cannot hold fewer than zero items.";

        public bool IsBroken() => items < 0;
    }

    private sealed class Basket : AggregateRoot
    {
        private Basket()
        {
        }

        public int Items { get; private set; }

        public static Basket Empty() => new();

        public void Add(int count)
        {
            Items += count;
            AddDomainEvent(new ItemsChanged(Items));
        }

        public void Take(int count)
        {
            CheckRule(new BasketCannotGoBelowZeroRule(Items - count));
            Items -= count;
            AddDomainEvent(new ItemsChanged(Items));
        }
    }
}
