using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RuralCommerce.Host.OpenApi;

/// <summary>What files and streams operations return, and what a 409 problem carries beyond the standard members.</summary>
internal static class OpenApiAnswers
{
    public const string ConflictProblem = "ConflictProblemDetails";

    /// <summary>
    /// A file or stream the endpoint declares (<c>.Produces(200, contentType: "text/csv")</c>) has no .NET type, and
    /// the generator drops such a response's content: it is put back, as text for CSV and event streams and as bytes
    /// for images and videos.
    /// </summary>
    public static void Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, IList<object> metadata)
    {
        foreach (var produced in metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.Type is null || p.Type == typeof(void)))
        {
            var key = produced.StatusCode.ToString(CultureInfo.InvariantCulture);
            if (!produced.ContentTypes.Any() || operation.Responses?.TryGetValue(key, out var response) != true || response is not OpenApiResponse declared)
            {
                continue;
            }

            declared.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var contentType in produced.ContentTypes)
            {
                declared.Content[contentType] = new OpenApiMediaType { Schema = FileSchema(contentType) };
            }
        }

        if (operation.Responses?.TryGetValue("409", out var conflict) == true && conflict is OpenApiResponse conflictResponse)
        {
            conflictResponse.Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ConflictProblem, context.Document) },
            };
        }
    }

    /// <summary>The 409 problem: the standard members, and what the server adds to say which rule or state was in the way.</summary>
    public static void AddConflictProblem(OpenApiDocument document)
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        static OpenApiSchema Id() => new() { Type = JsonSchemaType.String, Format = "uuid" };
        static OpenApiSchema Decimal(string description) => new() { Type = JsonSchemaType.Number, Format = "decimal", Description = description };

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ConflictProblem] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A conflict (RFC 9457): a business rule was broken (`rule`) or the current state is in the way (`reason`).",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A URI reference that identifies the problem type."),
                ["title"] = Text("A short summary of the problem."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = Text("What happened, for people."),
                ["instance"] = Text("The request path."),
                ["traceId"] = Text("The trace of the request, for support."),
                ["rule"] = Text("The business rule that was broken (e.g. `StockNeverGoesBelowZeroRule`)."),
                ["reason"] = Text("The kind of conflict (e.g. `InsufficientStock`, `ProductNotForSale`, `PaymentUnavailable`)."),
                ["shortLines"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Description = "With `InsufficientStock` or `OverLivestreamCap`: the lines that could not be met.",
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "productId", "requested", "available" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["productId"] = Id(),
                            ["requested"] = Decimal("The quantity asked for, in units of sale."),
                            ["available"] = Decimal("What can still be sold, in units of sale."),
                        },
                    },
                },
                ["productIds"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Id(), Description = "With `ProductNotForSale`: the products that are not for sale." },
                ["livestreamId"] = Id(),
                ["livestreamStatus"] = Text("With a livestream conflict: the livestream's status."),
            },
        };
    }

    private static OpenApiSchema FileSchema(string contentType) =>
        contentType.StartsWith("text/", StringComparison.Ordinal)
            ? new OpenApiSchema { Type = JsonSchemaType.String }
            : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
}
