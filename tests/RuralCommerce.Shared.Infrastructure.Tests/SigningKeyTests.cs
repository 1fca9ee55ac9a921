using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Shared.Infrastructure.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SigningKeyTests
{
    [Fact]
    public void The_development_signing_key_file_is_readable_by_its_owner_only()
    {
        using var data = new TempDirectory();

        var key = new JwtOptions().ResolveSigningKey(new Environment(Environments.Development), data.Path);

        var file = Path.Combine(data.Path, "jwt-signing.key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(48, key.Key.Length);
        Assert.Equal(key.Key, new JwtOptions().ResolveSigningKey(new Environment(Environments.Development), data.Path).Key);
    }

    [Fact]
    public void A_key_file_left_readable_by_others_is_closed_to_them()
    {
        using var data = new TempDirectory();
        var file = Path.Combine(data.Path, "jwt-signing.key");
        File.WriteAllText(file, Convert.ToBase64String(new byte[48]));
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        new JwtOptions().ResolveSigningKey(new Environment(Environments.Development), data.Path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public void Outside_Development_a_configured_key_is_required()
    {
        using var data = new TempDirectory();

        Assert.Throws<InvalidOperationException>(() => new JwtOptions().ResolveSigningKey(new Environment(Environments.Production), data.Path));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
