using System.Security.Cryptography;
using System.Text;

namespace RuralCommerce.Orders.Features.Common;

/// <summary>
/// The seam to a payment provider (WeChat Pay, Alipay, a bank): where the buyer's phone goes to pay, whether a callback
/// really comes from the provider, and returning money.
/// </summary>
internal interface IPaymentGateway
{
    /// <summary>The page where the buyer pays this order (relative to the host for the development gateway).</summary>
    string PayUrl(Guid orderId);

    /// <summary>Whether <paramref name="signature"/> is the provider's signature of exactly these bytes.</summary>
    bool IsAuthentic(ReadOnlySpan<byte> body, string? signature);

    /// <summary>Asks the provider to return <paramref name="amountFen"/>; answers the provider's reference. Idempotent by refund id.</summary>
    Task<string> RefundAsync(Guid orderId, Guid refundId, long amountFen, CancellationToken cancellationToken);
}

/// <summary>
/// No real provider: a page of this host plays the provider's part, and its callbacks are signed with HMAC-SHA256 over
/// the raw body (header <see cref="SignatureHeader"/>, lowercase hex), as WeChat Pay and Alipay sign theirs. The key
/// comes from <c>Orders:Payments:CallbackSecret</c>, else is generated once and kept in the data folder, so every
/// host on that folder shares it.
/// </summary>
internal sealed class DevelopmentPaymentGateway(byte[] secret) : IPaymentGateway
{
    public const string SignatureHeader = "X-Payment-Signature";

    public string PayUrl(Guid orderId) => $"/pay/dev/{orderId}";

    public string Sign(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));

    public bool IsAuthentic(ReadOnlySpan<byte> body, string? signature)
    {
        if (signature is null || signature.Length != 64 || !signature.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(secret, body), Convert.FromHexString(signature));
    }

    public Task<string> RefundAsync(Guid orderId, Guid refundId, long amountFen, CancellationToken cancellationToken) =>
        Task.FromResult($"dev-refund-{refundId:N}");

    public static byte[] LoadSecret(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Encoding.UTF8.GetBytes(configured);
        }

        var path = Path.Combine(dataDirectory, "payment-callback.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var file = new FileStream(path, options);
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another host on the same folder wrote it first: use theirs.
            }
        }

        return Encoding.UTF8.GetBytes(File.ReadAllText(path).Trim());
    }
}
