namespace RuralCommerce.Access.Features.FirstAdministrator;

/// <summary>Once a host has a platform administrator it always has one: the home page stops asking the database.</summary>
internal sealed class AdministratorExistence
{
    private volatile bool _exists;

    public bool Exists
    {
        get => _exists;
        set => _exists = value;
    }
}
