using RuralCommerce.Catalog.Domain.Batches;
using RuralCommerce.Catalog.Domain.Members;
using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.SharedKernel;
using static RuralCommerce.TestSupport.RuleAssert;

namespace RuralCommerce.Catalog.Tests;

public sealed class ProductDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
    private readonly Cooperative _cooperative = Cooperative.Registered(Guid.NewGuid(), "Xiaozhai Mushroom Cooperative", "Guizhou", "Leishan", "Xijiang");
    private readonly Member _seller;

    public ProductDomainTests() => _seller = Member.Joined(_cooperative.Id, Guid.NewGuid(), "Zhang Min", "Xijiang", [MemberRoles.Seller]);

    private static ProductDetails Details(SaleUnit unit = SaleUnit.Bag, decimal price = 68m, string name = "Dried shiitake") =>
        new(name, ProductCategory.DriedMushrooms, "", unit, new NetContent(500m, NetContentUnit.Gram), Money.Yuan(price), "Leishan", "Xijiang");

    private Product Draft(SaleUnit unit = SaleUnit.Bag) =>
        Product.Draft(new ProductId(Guid.NewGuid()), _cooperative, _seller, "xg-001", Details(unit), Now);

    private Product Listed(SaleUnit unit = SaleUnit.Bag)
    {
        var product = Draft(unit);
        product.List(_cooperative, _seller, Now);
        product.ClearDomainEvents();
        return product;
    }

    [Fact]
    public void A_draft_is_not_in_the_shop_and_its_code_is_compared_in_upper_case()
    {
        var product = Draft();

        Assert.Equal(ProductStatus.Draft, product.Status);
        Assert.Equal("xg-001", product.Code);
        Assert.Equal("XG-001", product.CodeKey);
        Assert.Empty(product.DomainEvents);
    }

    [Fact]
    public void Only_an_active_seller_of_an_active_cooperative_drafts_or_lists()
    {
        var grower = Member.Joined(_cooperative.Id, Guid.NewGuid(), "Li Qiang", "Xijiang", []);
        AssertBrokenRule<OnlyAnActiveSellerOfAnActiveCooperativeCanSellRule>(() =>
            Product.Draft(new ProductId(Guid.NewGuid()), _cooperative, grower, "A1", Details(), Now));

        var product = Draft();
        _seller.ChangeStatus(MemberStatus.Suspended);
        AssertBrokenRule<OnlyAnActiveSellerOfAnActiveCooperativeCanSellRule>(() => product.List(_cooperative, _seller, Now));

        _seller.ChangeStatus(MemberStatus.Active);
        _cooperative.ChangeStatus(CooperativeStatus.Suspended);
        AssertBrokenRule<OnlyAnActiveSellerOfAnActiveCooperativeCanSellRule>(() => product.List(_cooperative, _seller, Now));
        Assert.Equal(ProductStatus.Draft, product.Status);
    }

    [Fact]
    public void Listing_delisting_and_relisting_each_raise_their_event()
    {
        var product = Draft();

        product.List(_cooperative, _seller, Now);
        product.Delist(DelistReason.BySeller, Now);
        product.List(_cooperative, _seller, Now.AddDays(1));

        Assert.Collection(product.DomainEvents,
            e => Assert.IsType<ProductListed>(e),
            e => Assert.IsType<ProductDelisted>(e),
            e => Assert.IsType<ProductListed>(e));
        Assert.Equal(ProductStatus.Listed, product.Status);
        Assert.Null(product.DelistReason);
        Assert.Equal(Now.AddDays(1), product.ListedAt);
    }

    [Fact]
    public void A_listed_product_cannot_be_listed_again_nor_a_draft_delisted()
    {
        AssertBrokenRule<ListedProductCannotBeListedAgainRule>(() => Listed().List(_cooperative, _seller, Now));
        AssertBrokenRule<OnlyAListedProductCanBeDelistedRule>(() => Draft().Delist(DelistReason.BySeller, Now));
    }

    [Fact]
    public void Automatic_delisting_leaves_a_product_that_is_not_in_the_shop_alone()
    {
        var draft = Draft();
        draft.DelistAutomatically(DelistReason.SellerLeft, Now);
        Assert.Equal(ProductStatus.Draft, draft.Status);

        var listed = Listed();
        listed.DelistAutomatically(DelistReason.SellerLeft, Now);
        Assert.Equal(DelistReason.SellerLeft, listed.DelistReason);
    }

    [Fact]
    public void Editing_a_listed_product_tells_others_only_what_buyers_see_changed()
    {
        var product = Listed();

        product.Edit(Details() with { Description = "Now with a longer story." }, Now);
        Assert.Empty(product.DomainEvents);

        product.Edit(Details(price: 59.90m), Now);
        var changed = Assert.IsType<ProductChanged>(Assert.Single(product.DomainEvents));
        Assert.Equal(5990, changed.Product.ListPriceFen);
    }

    [Fact]
    public void A_draft_changes_quietly()
    {
        var product = Draft();
        product.Edit(Details(price: 10m, name: "Other"), Now);
        Assert.Empty(product.DomainEvents);
    }

    [Fact]
    public void Stock_adjustments_are_numbered_and_a_count_becomes_the_difference()
    {
        var product = Listed(SaleUnit.Kilogram);

        var restock = product.AdjustStock(Guid.NewGuid(), StockAdjustmentKind.Restock, 12.5m, null, null, _seller.Id, Now);
        var spoilage = product.AdjustStock(Guid.NewGuid(), StockAdjustmentKind.Spoilage, 0.25m, null, "mould", _seller.Id, Now);
        var count = product.AdjustStock(Guid.NewGuid(), StockAdjustmentKind.Count, 10m, null, null, _seller.Id, Now);

        Assert.Equal([1L, 2L, 3L], [restock.Sequence, spoilage.Sequence, count.Sequence]);
        Assert.Equal([12.5m, -0.25m, -2.25m], [restock.Delta, spoilage.Delta, count.Delta]);
        Assert.Equal(10m, product.StockOnHand);
        Assert.Equal(3, product.DomainEvents.OfType<StockAdjusted>().Count());
    }

    [Fact]
    public void Stock_never_goes_below_zero()
    {
        var product = Listed();
        product.AdjustStock(Guid.NewGuid(), StockAdjustmentKind.Restock, 3m, null, null, _seller.Id, Now);

        AssertBrokenRule<StockOnHandCannotGoBelowZeroRule>(() =>
            product.AdjustStock(Guid.NewGuid(), StockAdjustmentKind.Spoilage, 4m, null, null, _seller.Id, Now));
        Assert.Equal(3m, product.StockOnHand);
        Assert.Equal(1, product.StockSequence);
    }

    [Theory]
    [InlineData("Bag", 1.5)]
    [InlineData("Piece", 0.1)]
    [InlineData("Kilogram", 0.0001)]
    [InlineData("Jin", -1)]
    public void Quantities_must_suit_the_unit(string unit, double quantity)
    {
        var product = Listed(Enum.Parse<SaleUnit>(unit));
        AssertBrokenRule<StockQuantityMustSuitTheUnitRule>(() =>
            product.AdjustStock(Guid.NewGuid(), StockAdjustmentKind.Restock, (decimal)quantity, null, null, _seller.Id, Now));
    }

    [Fact]
    public void The_unit_cannot_change_while_stock_is_held()
    {
        var product = Listed();
        product.AdjustStock(Guid.NewGuid(), StockAdjustmentKind.Restock, 3m, null, null, _seller.Id, Now);

        AssertBrokenRule<UnitCannotChangeOnceStockIsHeldRule>(() => product.Edit(Details(SaleUnit.Kilogram), Now));

        product.AdjustStock(Guid.NewGuid(), StockAdjustmentKind.Count, 0m, null, null, _seller.Id, Now);
        product.Edit(Details(SaleUnit.Kilogram), Now);
        Assert.Equal(SaleUnit.Kilogram, product.Unit);
    }

    [Fact]
    public void A_product_holds_nine_photos_in_the_order_its_seller_chooses()
    {
        var product = Draft();
        var photos = Enumerable.Range(0, Product.MaxPhotos).Select(i => product.AddPhoto(Guid.NewGuid(), $"hash{i}", 800, 600, Now)).ToList();

        AssertBrokenRule<ProductHasAtMostNinePhotosRule>(() => product.AddPhoto(Guid.NewGuid(), "one-too-many", 800, 600, Now));

        var reversed = photos.Select(p => p.Id).Reverse().ToList();
        product.ReorderPhotos(reversed, Now);
        Assert.Equal(reversed, product.Photos.Select(p => p.Id));

        AssertBrokenRule<PhotoOrderMustNameEveryPhotoOnceRule>(() => product.ReorderPhotos(reversed.Skip(1).ToList(), Now));
        AssertBrokenRule<PhotoOrderMustNameEveryPhotoOnceRule>(() => product.ReorderPhotos([.. reversed.Skip(1), reversed[1]], Now));

        product.RemovePhoto(reversed[0], Now);
        Assert.Equal(Enumerable.Range(0, Product.MaxPhotos - 1), product.Photos.Select(p => p.Position));
    }

    [Fact]
    public void A_batch_is_not_harvested_in_the_future_and_counts_in_the_products_unit()
    {
        var product = Listed(SaleUnit.Bag);
        var today = new DateOnly(2026, 11, 29);

        AssertBrokenRule<HarvestCannotBeInTheFutureRule>(() =>
            Batch.Register(Guid.NewGuid(), product, "B1", today.AddDays(1), "Xijiang", 10m, null, today, Now));
        AssertBrokenRule<StockQuantityMustSuitTheUnitRule>(() =>
            Batch.Register(Guid.NewGuid(), product, "B1", today, "Xijiang", 10.5m, null, today, Now));

        var batch = Batch.Register(Guid.NewGuid(), product, " b-2026-11 ", today, "Xijiang", 300m, "substrate: corn cobs", today, Now);
        Assert.Equal("b-2026-11", batch.Code);
        Assert.Equal("B-2026-11", batch.CodeKey);
        Assert.IsType<BatchRegistered>(Assert.Single(batch.DomainEvents));
    }
}
