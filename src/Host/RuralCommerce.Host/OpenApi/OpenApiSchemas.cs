using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Host.OpenApi;

/// <summary>What a schema says about its values: which are required, which names a text may be, what kind of number.</summary>
internal static class OpenApiSchemas
{
    private static readonly HashSet<string> QuantityNames = new(StringComparer.Ordinal)
    {
        "quantity", "quantityCap", "quantityProduced", "available", "stockOnHand", "delta", "units",
    };

    public static void Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        DeclareNumber(schema, context.JsonTypeInfo.Type);
        if (context.JsonPropertyInfo is { Name: var name } && QuantityNames.Contains(name) && schema.Format == "decimal")
        {
            schema.Description ??= "In units of sale: to the gram (three decimals) for weights (Kilogram, Jin), whole for Bottle, Box, Bag and Piece.";
        }

        if (context.JsonPropertyInfo is { AttributeProvider: { } attributes })
        {
            if (attributes.GetCustomAttributes(typeof(OneOfNamesAttribute), inherit: true).FirstOrDefault() is OneOfNamesAttribute names)
            {
                DeclareNames(schema, names.Names);
            }

            if (attributes.GetCustomAttributes(typeof(AllowedValuesAttribute), inherit: true).FirstOrDefault() is AllowedValuesAttribute allowed)
            {
                DeclareNames(schema, allowed.Values.OfType<string>().ToList());
            }
        }

        // Records bind every constructor parameter, so the generator lists them all as required; a request field is
        // required only where it says so ([Required]), because that is what the server enforces.
        if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Type.Name.EndsWith("Request", StringComparison.Ordinal))
        {
            var required = context.JsonTypeInfo.Properties
                .Where(p => p.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true)
                .Select(p => p.Name)
                .ToHashSet(StringComparer.Ordinal);
            schema.Required = required.Count == 0 ? null : required;
        }
    }

    /// <summary>A text that must be one of <paramref name="names"/>: declared as a plain string enum, so generators make an enum of it.</summary>
    public static void DeclareNames(OpenApiSchema schema, IReadOnlyList<string> names)
    {
        schema.Type = JsonSchemaType.String;
        schema.Enum = [.. names.Select(n => (JsonNode)JsonValue.Create(n))];
    }

    /// <summary>
    /// Money and quantities are decimals (<c>format: decimal</c>, so generators make them <c>decimal</c>, not
    /// <c>double</c>); counts are integers. The server also reads numbers sent as strings, but the document offers
    /// only numbers: a client that follows it is always understood.
    /// </summary>
    private static void DeclareNumber(OpenApiSchema schema, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var (kind, format) = underlying switch
        {
            _ when underlying == typeof(decimal) => (JsonSchemaType.Number, "decimal"),
            _ when underlying == typeof(double) => (JsonSchemaType.Number, "double"),
            _ when underlying == typeof(int) => (JsonSchemaType.Integer, "int32"),
            _ when underlying == typeof(long) => (JsonSchemaType.Integer, "int64"),
            _ => ((JsonSchemaType?)null, (string?)null),
        };
        if (kind is null)
        {
            return;
        }

        var nullable = schema.Type is { } declared && declared.HasFlag(JsonSchemaType.Null);
        schema.Type = nullable ? kind | JsonSchemaType.Null : kind;
        schema.Format = format;
        schema.Pattern = null;
    }
}
