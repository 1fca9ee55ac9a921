using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
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

                if (metadata.OfType<IAllowAnonymous>().Any())
                {
                    // Marks the operation as anonymous so tooling (and the auth-coverage test) can tell.
                    operation.Security = [];
                    return Task.CompletedTask;
                }

                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                return Task.CompletedTask;
            });
        });
}
