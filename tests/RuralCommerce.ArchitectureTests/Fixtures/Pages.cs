using Microsoft.AspNetCore.Components;

// Breaks the page rule on purpose: a page that reaches into another module (here, Cooperatives' public module class).
namespace RuralCommerce.ArchitectureTests.Fixtures.Pages;

internal sealed class SpyingPage : IComponent
{
    public static Type OtherModule => typeof(Cooperatives.CooperativesModule);

    public void Attach(RenderHandle renderHandle)
    {
    }

    public Task SetParametersAsync(ParameterView parameters) => Task.CompletedTask;
}
