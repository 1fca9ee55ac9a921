namespace RuralCommerce.Demo;

/// <summary>What the story needs of the host it plays against, beyond its HTTP API.</summary>
public interface IStoryHost
{
    /// <summary>A client of the host's API (anonymous; the story adds each person's token).</summary>
    HttpClient CreateClient();

    /// <summary>The last text message the host sent to <paramref name="phone"/>: the phone's inbox.</summary>
    string LastTextTo(string phone);

    /// <summary>Moves the host's clock (<c>TimeProvider</c>); it keeps running from there.</summary>
    void SetClock(DateTimeOffset now);

    /// <summary>The host's clock now.</summary>
    DateTimeOffset Now { get; }

    /// <summary>The payment provider's signature of a payment notice (the development gateway's HMAC).</summary>
    string SignPaymentNotice(byte[] body);

    /// <summary>The platform administrator the host was started with.</summary>
    (string Phone, string Password) PlatformAdministrator { get; }
}
