// Breaks the feature-folder rule on purpose: PlaceOrder reaches into another use case's folder.
namespace RuralCommerce.ArchitectureTests.Features.PlaceOrder
{
    internal static class PlaceOrderEndpoint
    {
        public static decimal Total(int count) => count * ListProducts.ProductPrice.Yuan;
    }
}

namespace RuralCommerce.ArchitectureTests.Features.ListProducts
{
    internal static class ProductPrice
    {
        public static decimal Yuan { get; } = 12.5m;
    }
}

// Sharing through Common, and a folder whose name starts like another's, are both fine.
namespace RuralCommerce.ArchitectureTests.Features.PlaceOrderByPhone
{
    internal static class PlaceOrderByPhoneEndpoint
    {
        public static decimal Total(int count) => count * Common.Prices.Default;
    }
}

namespace RuralCommerce.ArchitectureTests.Features.Common
{
    internal static class Prices
    {
        public static decimal Default { get; } = 10m;
    }
}
