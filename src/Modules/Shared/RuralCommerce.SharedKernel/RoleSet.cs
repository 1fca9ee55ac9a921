namespace RuralCommerce.SharedKernel;

/// <summary>
/// A set of role names, and the one way such a set is stored: <c>,Admin,Seller,</c> — sorted, with the delimiter at
/// both ends, so "holds role X" is one exact <c>LIKE '%,X,%'</c> on both providers (<see cref="Token"/>). An entity
/// keeps the encoded text in a private field mapped to its column and exposes the set.
/// </summary>
public readonly record struct RoleSet
{
    public const char Delimiter = ',';

    private readonly string? _encoded;

    private RoleSet(string encoded) => _encoded = encoded;

    public static RoleSet Empty => new(",");

    /// <summary>The stored text; the empty set is <c>,</c>.</summary>
    public string Encoded => _encoded ?? ",";

    public IReadOnlyList<string> Names => Encoded.Split(Delimiter, StringSplitOptions.RemoveEmptyEntries);

    public static RoleSet Of(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var names = roles.Select(Checked).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? Empty : new RoleSet($",{string.Join(Delimiter, names)},");
    }

    /// <summary>Reads a stored value (anything written by <see cref="Encoded"/>).</summary>
    public static RoleSet Decode(string? stored) => Of((stored ?? "").Split(Delimiter, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>What a query looks for in the stored text to find holders of <paramref name="role"/>.</summary>
    public static string Token(string role) => $"{Delimiter}{Checked(role)}{Delimiter}";

    public bool Contains(string role) => Encoded.Contains(Token(role), StringComparison.Ordinal);

    public RoleSet With(string role) => Of(Names.Append(role));

    public RoleSet Without(string role) => Of(Names.Where(name => name != role));

    public override string ToString() => Encoded;

    private static string Checked(string role) =>
        string.IsNullOrWhiteSpace(role) || role.Contains(Delimiter, StringComparison.Ordinal)
            ? throw new ArgumentException($"'{role}' is not a role name.", nameof(role))
            : role;
}
