using System.Text.Json;
using System.Text.Json.Serialization;

namespace RuralCommerce.Orders.Payments;

/// <summary>How the providers' JSON is written and read: snake_case names, absent values left out.</summary>
internal static class ProviderJson
{
    public static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
