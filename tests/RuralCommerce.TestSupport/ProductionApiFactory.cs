using Microsoft.AspNetCore.Hosting;

namespace RuralCommerce.TestSupport;

/// <summary>
/// The host as production runs it: the Production environment, an SMS gateway configured, a signing key, backups, and
/// clients on https (production's cookies are Secure). A derived host adds settings of its own.
/// </summary>
public class ProductionApiFactory : ApiFactory
{
    private readonly IReadOnlyDictionary<string, string> _extra;

    public ProductionApiFactory()
        : this(new Dictionary<string, string>())
    {
    }

    protected ProductionApiFactory(IReadOnlyDictionary<string, string> extra)
    {
        _extra = extra;
        ClientOptions.BaseAddress = new Uri("https://localhost/");
    }

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(_extra)
    {
        ["Sms:Provider"] = "Http",
        ["Sms:Http:Endpoint"] = "https://sms-gateway.example/send",
        ["Sms:Http:ApiKey"] = "not-a-real-key",
        ["Backup:Enabled"] = "true",
        ["Backup:Directory"] = Path.Combine(DataDirectory, "backups"),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}
