using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Host.OpenApi;

/// <summary>Headers the endpoints read themselves, and query parameters named and constrained as the server takes them.</summary>
internal static class OpenApiParameters
{
    public static void Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, IList<object> metadata)
    {
        operation.Parameters ??= [];
        if (metadata.OfType<IdempotentEndpoint>().Any())
        {
            operation.Parameters.Add(Header(new RequestHeaderMetadata(Idempotency.HeaderName,
                "A unique key per intended change (e.g. a UUID). A retry with the same key and body returns the first answer and changes nothing.",
                Required: false), maxLength: 100));
        }

        foreach (var header in metadata.OfType<RequestHeaderMetadata>())
        {
            operation.Parameters.Add(Header(header));
        }

        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>().Where(p => p.In is ParameterLocation.Query or ParameterLocation.Path))
        {
            var description = context.Description.ParameterDescriptions
                .FirstOrDefault(d => (d.Source == BindingSource.Query || d.Source == BindingSource.Path)
                    && string.Equals(d.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
            if (parameter.In == ParameterLocation.Query)
            {
                // Query names bind in any case; the document speaks camelCase everywhere, as the JSON bodies do.
                parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
            }

            if (description is not null && Attributes(description).OfType<OneOfNamesAttribute>().FirstOrDefault() is { } names
                && parameter.Schema is OpenApiSchema schema)
            {
                OpenApiSchemas.DeclareNames(schema, names.Names);
            }
        }
    }

    /// <summary>
    /// Whether a path or query value can be refused as malformed (400): a typed value (an id, a number, a day) bound
    /// without a route constraint, or one with declared limits. A constrained route segment that does not match is 404.
    /// </summary>
    public static bool CanBeMalformed(OpenApiOperationTransformerContext context) =>
        context.Description.ParameterDescriptions.Any(p =>
            (p.Source == BindingSource.Query || p.Source == BindingSource.Path)
            && (Attributes(p).Any()
                || ((Nullable.GetUnderlyingType(p.Type) ?? p.Type) is var type && type != typeof(string) && type != typeof(object)
                    && (p.Source == BindingSource.Query || p.RouteInfo?.Constraints?.Any() != true))));

    private static IEnumerable<ValidationAttribute> Attributes(ApiParameterDescription description) =>
        description.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: { } info }
            ? info.GetCustomAttributes(typeof(ValidationAttribute), inherit: true).Cast<ValidationAttribute>()
            : [];

    private static OpenApiParameter Header(RequestHeaderMetadata header, int? maxLength = null) => new()
    {
        Name = header.Name,
        In = ParameterLocation.Header,
        Required = header.Required,
        Description = header.Description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = maxLength, Pattern = header.Pattern },
    };
}
