using RuralCommerce.Catalog.Domain.Members;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Domain.Products;

internal sealed class OnlyAnActiveSellerOfAnActiveCooperativeCanSellRule(Cooperative cooperative, Member seller) : IBusinessRule
{
    public string Message => !cooperative.IsActive
        ? "The cooperative is not active, so its products cannot be listed."
        : "Only an active member with the Seller role can list products.";

    public bool IsBroken() => !cooperative.IsActive || !seller.IsActiveSeller || seller.CooperativeId != cooperative.Id;
}

internal sealed class ListedProductCannotBeListedAgainRule(Product product) : IBusinessRule
{
    public string Message => "The product is already listed.";

    public bool IsBroken() => product.Status == ProductStatus.Listed;
}

internal sealed class OnlyAListedProductCanBeDelistedRule(Product product) : IBusinessRule
{
    public string Message => "Only a listed product can be delisted.";

    public bool IsBroken() => product.Status != ProductStatus.Listed;
}

internal sealed class StockQuantityMustSuitTheUnitRule(SaleUnit unit, decimal quantity) : IBusinessRule
{
    public string Message => unit.IsWeighed()
        ? "Weighed stock is counted to the gram: at most three decimals, and not negative."
        : $"Stock sold by the {unit} is counted in whole units, and not negative.";

    public bool IsBroken() => quantity < 0m || !unit.Suits(quantity);
}

internal sealed class StockOnHandCannotGoBelowZeroRule(decimal stockOnHand, decimal delta) : IBusinessRule
{
    public string Message => $"Only {stockOnHand} is on hand; stock cannot go below zero.";

    public bool IsBroken() => stockOnHand + delta < 0m;
}

internal sealed class UnitCannotChangeOnceStockIsHeldRule(Product product, SaleUnit newUnit) : IBusinessRule
{
    public string Message => "The unit of sale cannot change while stock is on hand; count the stock to zero first.";

    public bool IsBroken() => newUnit != product.Unit && product.StockOnHand != 0m;
}

internal sealed class NetContentMustBePositiveRule(NetContent? netContent) : IBusinessRule
{
    public string Message => "Net content must be a positive amount.";

    public bool IsBroken() => netContent is { Amount: <= 0m };
}

internal sealed class ProductHasAtMostNinePhotosRule(int photoCount) : IBusinessRule
{
    public string Message => $"A product has at most {Product.MaxPhotos} photos.";

    public bool IsBroken() => photoCount >= Product.MaxPhotos;
}

internal sealed class PhotoOrderMustNameEveryPhotoOnceRule(IReadOnlyList<Guid> photos, IReadOnlyList<Guid> order) : IBusinessRule
{
    public string Message => "The new order must name every photo of the product exactly once.";

    public bool IsBroken() => order.Count != photos.Count || order.Distinct().Count() != order.Count || order.Except(photos).Any();
}
