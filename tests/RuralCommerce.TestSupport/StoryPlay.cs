using System.Security.Cryptography;
using System.Text;
using RuralCommerce.Demo;

namespace RuralCommerce.TestSupport;

/// <summary>
/// What a test host needs to play the demo's story (the story test's host, the browser's day of every role): its
/// settings, the development payment provider's key, and the host's clock, which the story moves and gives back.
/// </summary>
public static class StoryPlay
{
    public const string Password = "Story-of-the-mushrooms-1";
    private const string PaymentSecret = "the-development-payment-providers-key-for-the-story";

    /// <summary>A first platform administrator, the payment key, and a one-month training window for four months of history.</summary>
    public static IReadOnlyDictionary<string, string> Settings(string administratorPhone, string administratorPassword) => new Dictionary<string, string>
    {
        ["Access:BootstrapAdmin:Phone"] = administratorPhone,
        ["Access:BootstrapAdmin:Password"] = administratorPassword,
        ["Access:BootstrapAdmin:DisplayName"] = "平台管理员",
        ["Orders:PaymentCallbackSecret"] = PaymentSecret,
        ["IncomeTracking:TrainingEffectWindowMonths"] = "1",
    };

    /// <summary>Plays the story at its small size; the clock returns to real time however it ends.</summary>
    public static async Task<StoryOutcome> PlayAsync(IStoryHost host, TestClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        try
        {
            return await new Story(host, StoryScale.Small, Password).PlayAsync();
        }
        finally
        {
            clock.Offset = TimeSpan.Zero;
        }
    }

    public static void SetClock(TestClock clock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clock);
        clock.Offset = now - DateTimeOffset.UtcNow;
    }

    public static string LastTextTo(CapturingSmsSender sms, string phone)
    {
        ArgumentNullException.ThrowIfNull(sms);
        return sms.Sent.LastOrDefault(s => s.Phone == phone).Text ?? "";
    }

    public static string SignPaymentNotice(byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(PaymentSecret), body));
}
