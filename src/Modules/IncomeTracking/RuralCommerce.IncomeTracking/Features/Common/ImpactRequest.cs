using System.Globalization;
using RuralCommerce.IncomeTracking.Domain.Months;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.IncomeTracking.Features.Common;

internal static class ImpactRequest
{
    /// <summary>What a period looks like (yyyy-MM, yyyy-Qn or yyyy), as the document declares it.</summary>
    public const string PeriodPattern = @"^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$";

    /// <summary>The asked period (yyyy-MM, yyyy-Qn or yyyy; default: this year) and its label, or a 400 naming the field.</summary>
    public static (Period Period, string Label) ReadPeriod(string? period, TimeProvider clock)
    {
        var current = Month.Of(clock.GetUtcNow());
        var span = new Period(current - (current % 12), current - (current % 12) + 11);
        var errors = new ValidationErrors();
        errors.Require(period is null || Period.TryParse(period, out span), "period", "period is yyyy-MM, yyyy-Qn (n from 1 to 4) or yyyy.");
        errors.ThrowIfAny();
        return (span, period ?? Month.FirstDay(span.First).Year.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The period (default: this year) and the options with the caller's threshold, or a 400 naming the wrong field.</summary>
    public static (Period Period, string Label, IncomeTrackingOptions Options) Read(
        string? period, decimal? threshold, TimeProvider clock, IncomeTrackingOptions configured)
    {
        var errors = new ValidationErrors();
        errors.Require(threshold is null or (>= 0m and <= 1000m), "threshold", "threshold is a percentage from 0 to 1000.");
        errors.ThrowIfAny();
        var (span, label) = ReadPeriod(period, clock);
        return (span, label, new IncomeTrackingOptions
        {
            GainThresholdPercent = threshold ?? configured.GainThresholdPercent,
            TrainingEffectWindowMonths = configured.TrainingEffectWindowMonths,
        });
    }
}
