namespace RuralCommerce.SharedKernel;

/// <summary>Something that happened inside one module. Never leaves the module; see <see cref="IntegrationEvent"/>.</summary>
public interface IDomainEvent;
