using System.Globalization;
using Microsoft.Extensions.Localization;
using RuralCommerce.Shared.Infrastructure.Messaging;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Web.Pages;

/// <summary>
/// What a page form shows when a use case refuses it: a message per field and one for the form, in the page's
/// language. A page runs the same feature code the endpoint runs and turns its exceptions into these, never into a
/// raw ProblemDetails.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _fields = new(StringComparer.OrdinalIgnoreCase);

    public static FormErrors None { get; } = new();

    /// <summary>The message for the whole form (a broken rule, wrong credentials, too many attempts).</summary>
    public string? Form { get; private set; }

    public bool Any => Form is not null || _fields.Count > 0;

    public string? For(string field) => _fields.GetValueOrDefault(field);

    /// <summary>
    /// Runs <paramref name="action"/>; a refusal becomes messages looked up first in the module's text
    /// (<c>Rule.{RuleName}</c>, <c>Conflict.{Reason}</c>, <c>Field.{field}</c>), then the shared text, then the use case's own words.
    /// </summary>
    public static async Task<FormErrors> CaptureAsync(Func<Task> action, IStringLocalizer moduleText, IStringLocalizer sharedText)
    {
        ArgumentNullException.ThrowIfNull(action);
        var errors = new FormErrors();
        string Text(string key, string fallback, params object[] arguments)
        {
            var found = moduleText[key];
            if (found.ResourceNotFound)
            {
                found = sharedText[key];
            }

            return found.ResourceNotFound ? fallback : string.Format(CultureInfo.CurrentCulture, found.Value, arguments);
        }

        try
        {
            await action();
        }
        catch (RequestValidationException validation)
        {
            foreach (var (field, messages) in validation.Errors)
            {
                errors._fields[field] = Text($"Field.{field}", messages.FirstOrDefault() ?? field);
            }
        }
        catch (BusinessRuleValidationException rule)
        {
            errors.Form = Text($"Rule.{rule.RuleName}", Text("Error.Rule", rule.Message, rule.Message));
        }
        catch (AuthenticationFailedException failed)
        {
            errors.Form = Text("Error.Authentication", failed.Message);
        }
        catch (TooManyAttemptsException tooMany)
        {
            errors.Form = Text("Error.TooManyAttempts", tooMany.Message, Math.Max(1, (int)Math.Ceiling(tooMany.RetryAfter.TotalMinutes)));
        }
        catch (ConflictException conflict)
        {
            errors.Form = Text($"Conflict.{conflict.Reason}", Text("Error.Conflict", conflict.Message, conflict.Message));
        }
        catch (NotFoundException notFound)
        {
            errors.Form = Text("Error.NotFound", notFound.Message);
        }
        catch (SmsDeliveryException sms)
        {
            errors.Form = Text("Error.Sms", sms.Message);
        }

        return errors;
    }
}
