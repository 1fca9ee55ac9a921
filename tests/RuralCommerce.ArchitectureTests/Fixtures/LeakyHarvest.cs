using Microsoft.EntityFrameworkCore;

namespace RuralCommerce.ArchitectureTests.Fixtures.Domain;

/// <summary>Breaks the domain rule on purpose (an aggregate that knows its DbContext).</summary>
internal sealed class LeakyHarvest
{
    public DbContext? Context { get; set; }
}
