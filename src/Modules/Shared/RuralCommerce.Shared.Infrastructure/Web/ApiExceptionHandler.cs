using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Messaging;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Web;

/// <summary>The one place where exceptions become RFC 9457 answers; handlers never build error responses by hand.</summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem.Status >= StatusCodes.Status500InternalServerError && exception is not SmsDeliveryException)
        {
            LogUnhandled(exception);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var retryAfter = exception switch
        {
            TooManyAttemptsException tooMany => tooMany.RetryAfter,
            ServiceBusyException busy => busy.RetryAfter,
            _ => (TimeSpan?)null,
        };
        if (retryAfter is { } wait)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        // A client that cannot take a problem document (a browser's page request, a media player, an EventSource)
        // still gets the status, with no body: left unhandled, the middleware would turn a 404 into a 500.
        await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
        return true;
    }

    internal static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        RequestValidationException validation => new ValidationProblemDetails(
            validation.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        },
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } tooLarge => new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "The request is too large.",
            Detail = tooLarge.Message,
        },
        BadHttpRequestException badRequest => new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = "The request is malformed.",
            Detail = badRequest.Message,
        },
        ServiceBusyException busy => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The host is busy.",
            Detail = busy.Message,
        },
        SmsDeliveryException sms => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "A text message could not be sent.",
            Detail = sms.Message,
        },
        NotFoundException notFound => new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = $"{notFound.Resource} not found.",
            Detail = notFound.Message,
        },
        BusinessRuleValidationException rule => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "A business rule was broken.",
            Detail = rule.Message,
            Extensions = { ["rule"] = rule.RuleName },
        },
        ConflictException conflict => WithDetails(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The request conflicts with the current state.",
            Detail = conflict.Message,
            Extensions = { ["reason"] = conflict.Reason },
        }, conflict.Details),
        IdempotencyKeyReusedException reused => new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The idempotency key was used for a different request.",
            Detail = reused.Message,
        },
        AuthenticationFailedException authentication => new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "Authentication failed.",
            Detail = authentication.Message,
        },
        ForbiddenException forbidden => new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Forbidden.",
            Detail = forbidden.Message,
        },
        TooManyAttemptsException tooMany => new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many attempts.",
            Detail = tooMany.Message,
        },
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The resource was changed by someone else.",
            Detail = "Reload it and try again.",
        },
        // A unique index refused a row written at the same moment as another (two taps, two tabs).
        DbUpdateException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The change conflicts with one saved at the same time.",
            Detail = "Reload and try again.",
        },
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "An unexpected error occurred.",
        },
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private partial void LogUnhandled(Exception exception);

    private static ProblemDetails WithDetails(ProblemDetails problem, IReadOnlyDictionary<string, object?> details)
    {
        foreach (var (name, value) in details)
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }
}
