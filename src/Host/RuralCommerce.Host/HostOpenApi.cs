using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using RuralCommerce.Shared.Infrastructure.Idempotency;

namespace RuralCommerce.Host;

internal static class HostOpenApi
{
    private const string BearerScheme = "Bearer";

    public static IServiceCollection AddHostOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "RuralCommerce API";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "Access token from the Access module's sign-in.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IdempotentEndpoint>().Any())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = Idempotency.HeaderName,
                        In = ParameterLocation.Header,
                        Required = false,
                        Description = "A unique key per intended change (e.g. a UUID). A retry with the same key and body returns the first answer and changes nothing.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
                    });
                }

                DocumentFailures(operation, context, metadata);
                if (metadata.OfType<IAllowAnonymous>().Any())
                {
                    // Marks the operation as anonymous so tooling (and the auth-coverage test) can tell.
                    operation.Security = [];
                    return Task.CompletedTask;
                }

                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                // Records bind every constructor parameter, so the generator lists them all as required; a request
                // field is required only where it says so ([Required]), because that is what the handler enforces.
                if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Type.Name.EndsWith("Request", StringComparison.Ordinal))
                {
                    var required = context.JsonTypeInfo.Properties
                        .Where(p => p.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true)
                        .Select(p => p.Name)
                        .ToHashSet(StringComparer.Ordinal);
                    schema.Required = required.Count == 0 ? null : required;
                }

                return Task.CompletedTask;
            });
        });

    /// <summary>
    /// The answers every operation of a kind can give, from the same metadata that makes the host give them: a
    /// secured operation 401 and 403, a body 400, 413 and 415, a rate limit 429, an idempotency key 409 and 422.
    /// </summary>
    private static void DocumentFailures(OpenApiOperation operation, OpenApiOperationTransformerContext context, IList<object> metadata)
    {
        operation.Responses ??= [];
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            AddProblem(operation, context, StatusCodes.Status401Unauthorized, "No valid access token (missing, expired, forged, or its session ended).");
            AddProblem(operation, context, StatusCodes.Status403Forbidden, "The token does not grant this (another cooperative's data, or a role the caller lacks).");
        }

        if (operation.RequestBody is not null)
        {
            AddProblem(operation, context, StatusCodes.Status400BadRequest, "The body is malformed or a field is invalid (errors by field).", validation: true);
            AddProblem(operation, context, StatusCodes.Status413PayloadTooLarge, "The body is larger than this operation accepts.");
            AddProblem(operation, context, StatusCodes.Status415UnsupportedMediaType, "The body is not JSON.");
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            AddProblem(operation, context, StatusCodes.Status429TooManyRequests, "Too many requests: wait for the Retry-After seconds.");
        }

        if (metadata.OfType<IdempotentEndpoint>().Any())
        {
            AddProblem(operation, context, StatusCodes.Status409Conflict, "A business rule was broken, or a request with this Idempotency-Key is still running.");
            AddProblem(operation, context, StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was used with a different body.");
        }
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description, bool validation = false)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing))
        {
            if (existing is OpenApiResponse declared && declared.Description == ReasonPhrases.GetReasonPhrase(status))
            {
                declared.Description = description;
            }

            return;
        }

        var schema = validation ? "HttpValidationProblemDetails" : "ProblemDetails";
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) },
            },
        };
    }
}
