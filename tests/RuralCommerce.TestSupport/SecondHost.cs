namespace RuralCommerce.TestSupport;

/// <summary>
/// Another instance of the host on the same data folder, as a second server behind a load balancer would run: its own
/// process state (dispatcher, caches, limits), the same databases and signing key.
/// </summary>
public sealed class SecondHost(ApiFactory first, IReadOnlyDictionary<string, string>? settings = null) : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["Database:DataDirectory"] = first.DataDirectory };
}
