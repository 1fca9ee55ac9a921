using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RuralCommerce.Shared.Infrastructure.Web;

/// <summary>The <c>Http</c> configuration section: how large a request body may be.</summary>
public sealed class RequestBodyLimitOptions
{
    public const string SectionName = "Http";

    /// <summary>Bytes a request body may have unless its endpoint says otherwise (<c>[RequestSizeLimit]</c>).</summary>
    public long MaxRequestBodySize { get; set; } = 64 * 1024;
}

public static class RequestBodyLimit
{
    /// <summary>Lets this endpoint take a body of up to <paramref name="bytes"/> (a bulk list), instead of the default cap.</summary>
    public static RouteHandlerBuilder WithRequestBodyLimit(this RouteHandlerBuilder builder, long bytes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new BodyLimit(bytes));
    }

    /// <summary>
    /// Caps request bodies at <see cref="RequestBodyLimitOptions.MaxRequestBodySize"/> (64 KB by default; an endpoint
    /// that needs more declares it with <c>IRequestSizeLimitMetadata</c>) and answers 413 before anything reads them.
    /// A body without a length is read up to the cap first, whatever server runs the host.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } metadata
                ? metadata.MaxRequestBodySize
                : context.RequestServices.GetRequiredService<IOptions<RequestBodyLimitOptions>>().Value.MaxRequestBodySize;
            if (limit is long max)
            {
                await EnforceAsync(context, max);
            }

            await next(context);
        });

    private static async Task EnforceAsync(HttpContext context, long max)
    {
        if (context.Request.ContentLength > max)
        {
            throw TooLarge(max);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = max;
        }

        var method = context.Request.Method;
        var mayHaveBody = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);
        if (context.Request.ContentLength is not null || !mayHaveBody)
        {
            return;
        }

        var buffered = new MemoryStream();
        context.Response.RegisterForDispose(buffered);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffered.Length + read > max)
            {
                throw TooLarge(max);
            }

            buffered.Write(chunk, 0, read);
        }

        buffered.Position = 0;
        context.Request.Body = buffered;
    }

    private static BadHttpRequestException TooLarge(long max) =>
        new($"The request body is larger than {max / 1024} KB.", StatusCodes.Status413PayloadTooLarge);

    private sealed class BodyLimit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = bytes;
    }
}
