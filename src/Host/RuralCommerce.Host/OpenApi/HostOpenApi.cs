using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using RuralCommerce.Shared.Infrastructure.Idempotency;

namespace RuralCommerce.Host.OpenApi;

/// <summary>
/// The OpenAPI document, generated from the endpoints and told the rest of the truth by transformers: who may call,
/// every failure an operation can give, what files and streams it returns (<see cref="OpenApiAnswers"/>), what its
/// inputs may be (<see cref="OpenApiSchemas"/>, <see cref="OpenApiParameters"/>) and an example of each body
/// (<see cref="OpenApiExamples"/>).
/// </summary>
internal static class HostOpenApi
{
    private const string BearerScheme = "Bearer";

    public static IServiceCollection AddHostOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer((schema, context, _) =>
            {
                OpenApiSchemas.Apply(schema, context);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                OpenApiParameters.Apply(operation, context, metadata);
                DocumentFailures(operation, context, metadata);
                OpenApiAnswers.Apply(operation, context, metadata);
                if (metadata.OfType<IAllowAnonymous>().Any())
                {
                    // Marks the operation as anonymous so tooling (and the auth-coverage test) can tell.
                    operation.Security = [];
                    return Task.CompletedTask;
                }

                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                OpenApiAnswers.AddConflictProblem(document);
                OpenApiExamples.Apply(document);
                return Task.CompletedTask;
            });
        });

    private static void Describe(OpenApiDocument document)
    {
        document.Info.Title = "RuralCommerce API";
        document.Info.Description =
            "The back office of village cooperatives: members and roles, produce and livestream sales, courses and certificates, " +
            "orders shipped through county logistics centres, and the income each seller earns. Money is in yuan (CNY) with at " +
            "most two decimals; times are UTC. Errors are RFC 9457 problem details.";
        document.Info.Contact = new OpenApiContact { Name = "RuralCommerce", Url = new Uri("https://github.com/ruralcommerce") };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Access token from the Access module's sign-in.",
        };
    }

    /// <summary>
    /// The answers every operation of a kind can give, from the same metadata that makes the host give them: a
    /// secured operation 401 and 403, a body 400, 413 and 415, a rate limit 429, an idempotency key 409 and 422, a
    /// path id 404, a malformed parameter 400.
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

        if (OpenApiParameters.CanBeMalformed(context))
        {
            AddProblem(operation, context, StatusCodes.Status400BadRequest, "A path or query parameter is malformed or out of range (errors by field).", validation: true);
        }

        if (context.Description.ParameterDescriptions.Any(p => p.Source.Id == "Path"))
        {
            AddProblem(operation, context, StatusCodes.Status404NotFound, "Nothing is found at this path (an unknown id, or a segment that is not an id).");
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
