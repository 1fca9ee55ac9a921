namespace RuralCommerce.Shared.Infrastructure.Web;

/// <summary>A header an endpoint reads itself (a provider's signature), so the OpenAPI document can declare it.</summary>
public sealed record RequestHeaderMetadata(string Name, string Description, string? Pattern = null, bool Required = true);
