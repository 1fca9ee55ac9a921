using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RuralCommerce.Shared.Infrastructure.Messaging;

internal static class SmsRegistration
{
    /// <summary>
    /// The configured gateway; the development sender only in Development. The settings are validated when the host
    /// starts, so a production host without a gateway refuses to start instead of logging one-time codes.
    /// </summary>
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmsOptions>, SmsOptionsValidation>();
        services.AddHttpClient<HttpSmsSender>();
        services.AddTransient<LoggingSmsSender>();
        services.AddTransient<ISmsSender>(provider =>
        {
            var sms = provider.GetRequiredService<IOptions<SmsOptions>>().Value;
            return sms.UsesHttp ? provider.GetRequiredService<HttpSmsSender>() : provider.GetRequiredService<LoggingSmsSender>();
        });
        return services;
    }

    private sealed class SmsOptionsValidation(IHostEnvironment environment) : IValidateOptions<SmsOptions>
    {
        public ValidateOptionsResult Validate(string? name, SmsOptions options) =>
            options.Problem(environment.IsDevelopment()) is { } problem
                ? ValidateOptionsResult.Fail(problem)
                : ValidateOptionsResult.Success;
    }
}
