using RuralCommerce.Catalog.Domain.Products;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Domain.Batches;

internal sealed record BatchRegistered(Batch Batch) : IDomainEvent;

/// <summary>
/// A harvest or production batch of a product (溯源): what a buyer scans on the bag leads to it. The code is the
/// seller's, unique within the cooperative, and the public trace address is built from it.
/// </summary>
internal sealed class Batch : AggregateRoot
{
    private Batch()
    {
    }

    public Guid Id { get; private set; }

    public ProductId ProductId { get; private set; }

    public Guid CooperativeId { get; private set; }

    public Guid SellerId { get; private set; }

    public string Code { get; private set; } = "";

    /// <summary>The code as the trace address and the uniqueness check read it: trimmed, upper case.</summary>
    public string CodeKey { get; private set; } = "";

    public DateOnly HarvestedOn { get; private set; }

    public string Village { get; private set; } = "";

    public decimal QuantityProduced { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public static Batch Register(
        Guid id, Product product, string code, DateOnly harvestedOn, string village, decimal quantityProduced, string? note, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(product);
        CheckRule(new HarvestCannotBeInTheFutureRule(harvestedOn, today));
        CheckRule(new StockQuantityMustSuitTheUnitRule(product.Unit, quantityProduced));
        var batch = new Batch
        {
            Id = id,
            ProductId = product.Id,
            CooperativeId = product.CooperativeId,
            SellerId = product.SellerId,
            Code = code.Trim(),
            CodeKey = KeyOf(code),
            HarvestedOn = harvestedOn,
            Village = village,
            QuantityProduced = quantityProduced,
            Note = note,
            RegisteredAt = now,
        };
        batch.AddDomainEvent(new BatchRegistered(batch));
        return batch;
    }

    public static string KeyOf(string code) => code.Trim().ToUpperInvariant();
}

internal sealed class HarvestCannotBeInTheFutureRule(DateOnly harvestedOn, DateOnly today) : IBusinessRule
{
    public string Message => "A batch cannot be harvested after today.";

    public bool IsBroken() => harvestedOn > today;
}
