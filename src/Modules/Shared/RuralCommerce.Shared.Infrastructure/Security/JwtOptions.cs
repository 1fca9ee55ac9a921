using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace RuralCommerce.Shared.Infrastructure.Security;

/// <summary>The <c>Jwt</c> configuration section: shared by the host (validation) and Access (issuing).</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    public string Issuer { get; set; } = "RuralCommerce";

    public string Audience { get; set; } = "RuralCommerce";

    /// <summary>At least 32 bytes (base64 or plain text). Required outside Development.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The configured key; in Development, when none is configured, a random key generated once and kept in the
    /// data folder (never in the repository).
    /// </summary>
    public SymmetricSecurityKey ResolveSigningKey(IHostEnvironment environment, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(SigningKey))
        {
            return CreateKey(SigningKey);
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Jwt:SigningKey is not configured. Set it (32+ bytes, e.g. `openssl rand -base64 48`) through configuration.");
        }

        var path = Path.Combine(dataDirectory, "jwt-signing.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);
            WriteOwnerOnly(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        }
        else if (!OperatingSystem.IsWindows())
        {
            // A key file from an older version (or a copy) may be readable by others: anyone who reads it can mint tokens.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return CreateKey(File.ReadAllText(path).Trim());
    }

    /// <summary>Creates the file readable and writable by its owner only, from the first byte on.</summary>
    private static void WriteOwnerOnly(string path, string contents)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
        writer.Write(contents);
    }

    /// <summary>The key's bytes: base64 when it decodes as base64, else its UTF-8 text.</summary>
    internal static byte[] KeyBytes(string key) => TryBase64(key) ?? Encoding.UTF8.GetBytes(key);

    private static SymmetricSecurityKey CreateKey(string key)
    {
        var bytes = KeyBytes(key);
        return bytes.Length < 32
            ? throw new InvalidOperationException("Jwt:SigningKey must be at least 32 bytes long.")
            : new SymmetricSecurityKey(bytes);
    }

    private static byte[]? TryBase64(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) ? buffer[..written] : null;
    }
}
