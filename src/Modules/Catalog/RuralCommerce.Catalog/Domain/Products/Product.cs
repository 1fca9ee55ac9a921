using RuralCommerce.Catalog.Domain.Members;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Domain.Products;

internal readonly record struct ProductId(Guid Value) : IStronglyTypedId<ProductId>
{
    public static ProductId From(Guid value) => new(value);
}

internal enum ProductCategory
{
    FreshMushrooms,
    DriedMushrooms,
    RiceWine,
    Tea,
    GrainAndOil,
    Fruit,
    Vegetables,
    MeatAndEggs,
    Handicraft,
    Other,
}

internal enum ProductStatus
{
    Draft,
    Listed,
    Delisted,
}

/// <summary>Why a product left the shop: its seller's choice, an administrator's, or its seller or cooperative stopped selling.</summary>
internal enum DelistReason
{
    BySeller,
    ByAdministrator,
    SellerLeft,
    SellerSuspended,
    SellerRoleRevoked,
    CooperativeSuspended,
    CooperativeDissolved,
}

/// <summary>What a product is, as its seller describes it; everything a buyer or an order needs to name it.</summary>
internal sealed record ProductDetails(
    string Name, ProductCategory Category, string Description, SaleUnit Unit, NetContent? NetContent, Money ListPrice, string OriginCounty, string OriginVillage);

internal sealed record ProductListed(Product Product) : IDomainEvent;

internal sealed record ProductChanged(Product Product) : IDomainEvent;

internal sealed record ProductDelisted(Product Product) : IDomainEvent;

internal sealed record StockAdjusted(Product Product, StockAdjustment Adjustment) : IDomainEvent;

/// <summary>
/// Produce a seller offers: drafted, listed in the shop, delisted (and relisted). Its stock on hand is declared by the
/// seller through adjustments, each kept and numbered so another module can apply them in order exactly once.
/// </summary>
internal sealed class Product : AggregateRoot
{
    public const int MaxPhotos = 9;

    private readonly List<ProductPhoto> _photos = [];

    private Product()
    {
    }

    public ProductId Id { get; private set; }

    public Guid CooperativeId { get; private set; }

    public Guid SellerId { get; private set; }

    /// <summary>The seller's product code (SKU) as typed; unique within the cooperative, case-insensitively (<see cref="CodeKey"/>).</summary>
    public string Code { get; private set; } = "";

    public string CodeKey { get; private set; } = "";

    public string Name { get; private set; } = "";

    public ProductCategory Category { get; private set; }

    public string Description { get; private set; } = "";

    public SaleUnit Unit { get; private set; }

    public NetContent? NetContent { get; private set; }

    /// <summary>Stored as whole fen so the shop can filter and sort by price on both providers.</summary>
    public long ListPriceFen { get; private set; }

    public Money ListPrice => Money.FromFen(ListPriceFen);

    public string OriginCounty { get; private set; } = "";

    public string OriginVillage { get; private set; } = "";

    public ProductStatus Status { get; private set; }

    public DelistReason? DelistReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ListedAt { get; private set; }

    /// <summary>Quantity on hand as the seller last declared it, in units of sale.</summary>
    public decimal StockOnHand { get; private set; }

    /// <summary>How many stock adjustments there have been; the next one is numbered one more.</summary>
    public long StockSequence { get; private set; }

    public IReadOnlyList<ProductPhoto> Photos => _photos.OrderBy(p => p.Position).ToList();

    public static Product Draft(
        ProductId id, Cooperative cooperative, Member seller, string code, ProductDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cooperative);
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(details);
        CheckRule(new OnlyAnActiveSellerOfAnActiveCooperativeCanSellRule(cooperative, seller));
        var product = new Product
        {
            Id = id,
            CooperativeId = cooperative.Id,
            SellerId = seller.Id,
            Code = code,
            CodeKey = KeyOf(code),
            Status = ProductStatus.Draft,
            CreatedAt = now,
        };
        product.Apply(details, now);
        return product;
    }

    public static string KeyOf(string code) => code.Trim().ToUpperInvariant();

    public void Edit(ProductDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        CheckRule(new UnitCannotChangeOnceStockIsHeldRule(this, details.Unit));
        var buyerVisibleChange = details.Name != Name || details.Category != Category || details.Unit != Unit
            || details.NetContent != NetContent || details.ListPrice.ToFen() != ListPriceFen;
        Apply(details, now);
        if (buyerVisibleChange && Status == ProductStatus.Listed)
        {
            AddDomainEvent(new ProductChanged(this));
        }
    }

    /// <summary>Puts a draft or delisted product in the shop. Only an active seller of an active cooperative sells.</summary>
    public void List(Cooperative cooperative, Member seller, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cooperative);
        ArgumentNullException.ThrowIfNull(seller);
        CheckRule(new OnlyAnActiveSellerOfAnActiveCooperativeCanSellRule(cooperative, seller));
        CheckRule(new ListedProductCannotBeListedAgainRule(this));
        Status = ProductStatus.Listed;
        DelistReason = null;
        ListedAt = now;
        UpdatedAt = now;
        AddDomainEvent(new ProductListed(this));
    }

    public void Delist(DelistReason reason, DateTimeOffset now)
    {
        CheckRule(new OnlyAListedProductCanBeDelistedRule(this));
        Status = ProductStatus.Delisted;
        DelistReason = reason;
        UpdatedAt = now;
        AddDomainEvent(new ProductDelisted(this));
    }

    /// <summary>Delists because the seller or cooperative stopped selling; a product not in the shop stays as it is.</summary>
    public void DelistAutomatically(DelistReason reason, DateTimeOffset now)
    {
        if (Status == ProductStatus.Listed)
        {
            Delist(reason, now);
        }
    }

    /// <summary>
    /// Records a change in stock on hand; the caller stores the returned adjustment (the history is not loaded with the product). A restock adds, spoilage removes, a count states what is there now and
    /// becomes the difference from what Catalog last knew. Stock on hand never goes below zero.
    /// </summary>
    public StockAdjustment AdjustStock(
        Guid adjustmentId, StockAdjustmentKind kind, decimal quantity, Guid? batchId, string? note, Guid byMemberId, DateTimeOffset now)
    {
        CheckRule(new StockQuantityMustSuitTheUnitRule(Unit, quantity));
        var delta = kind switch
        {
            StockAdjustmentKind.Restock => quantity,
            StockAdjustmentKind.Spoilage => -quantity,
            StockAdjustmentKind.Count => quantity - StockOnHand,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        CheckRule(new StockOnHandCannotGoBelowZeroRule(StockOnHand, delta));
        StockOnHand += delta;
        StockSequence++;
        var adjustment = new StockAdjustment(adjustmentId, Id, StockSequence, kind, delta, StockOnHand, batchId, note, byMemberId, now);
        UpdatedAt = now;
        AddDomainEvent(new StockAdjusted(this, adjustment));
        return adjustment;
    }

    public ProductPhoto AddPhoto(Guid photoId, string contentHash, int width, int height, DateTimeOffset now)
    {
        CheckRule(new ProductHasAtMostNinePhotosRule(_photos.Count));
        var photo = new ProductPhoto(photoId, Id, contentHash, _photos.Count == 0 ? 0 : _photos.Max(p => p.Position) + 1, width, height);
        _photos.Add(photo);
        UpdatedAt = now;
        return photo;
    }

    public void RemovePhoto(Guid photoId, DateTimeOffset now)
    {
        var photo = _photos.SingleOrDefault(p => p.Id == photoId) ?? throw new NotFoundException("Photo", photoId);
        _photos.Remove(photo);
        Renumber(Photos.Where(p => p.Id != photoId).Select(p => p.Id).ToList());
        UpdatedAt = now;
    }

    /// <summary>Orders the photos as given; the list must name every photo once.</summary>
    public void ReorderPhotos(IReadOnlyList<Guid> photoIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(photoIds);
        CheckRule(new PhotoOrderMustNameEveryPhotoOnceRule(_photos.Select(p => p.Id).ToList(), photoIds));
        Renumber(photoIds);
        UpdatedAt = now;
    }

    private void Renumber(IReadOnlyList<Guid> photoIds)
    {
        for (var i = 0; i < photoIds.Count; i++)
        {
            _photos.Single(p => p.Id == photoIds[i]).MoveTo(i);
        }
    }

    private void Apply(ProductDetails details, DateTimeOffset now)
    {
        CheckRule(new NetContentMustBePositiveRule(details.NetContent));
        Name = details.Name;
        Category = details.Category;
        Description = details.Description;
        Unit = details.Unit;
        NetContent = details.NetContent;
        ListPriceFen = details.ListPrice.ToFen();
        OriginCounty = details.OriginCounty;
        OriginVillage = details.OriginVillage;
        UpdatedAt = now;
    }
}

internal enum StockAdjustmentKind
{
    Restock,
    Spoilage,
    Count,
}

/// <summary>One kept change of a product's stock on hand, numbered in order per product.</summary>
internal sealed class StockAdjustment
{
    private StockAdjustment()
    {
    }

    public StockAdjustment(
        Guid id, ProductId productId, long sequence, StockAdjustmentKind kind, decimal delta, decimal stockOnHand, Guid? batchId, string? note, Guid byMemberId, DateTimeOffset at)
    {
        Id = id;
        ProductId = productId;
        Sequence = sequence;
        Kind = kind;
        Delta = delta;
        StockOnHand = stockOnHand;
        BatchId = batchId;
        Note = note;
        ByMemberId = byMemberId;
        At = at;
    }

    public Guid Id { get; private set; }

    public ProductId ProductId { get; private set; }

    public long Sequence { get; private set; }

    public StockAdjustmentKind Kind { get; private set; }

    public decimal Delta { get; private set; }

    /// <summary>Stock on hand after this adjustment.</summary>
    public decimal StockOnHand { get; private set; }

    public Guid? BatchId { get; private set; }

    public string? Note { get; private set; }

    public Guid ByMemberId { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>A photo of a product: the stored image is named by the hash of the uploaded content.</summary>
internal sealed class ProductPhoto
{
    private ProductPhoto()
    {
    }

    public ProductPhoto(Guid id, ProductId productId, string contentHash, int position, int width, int height)
    {
        Id = id;
        ProductId = productId;
        ContentHash = contentHash;
        Position = position;
        Width = width;
        Height = height;
    }

    public Guid Id { get; private set; }

    public ProductId ProductId { get; private set; }

    public string ContentHash { get; private set; } = "";

    public int Position { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public void MoveTo(int position) => Position = position;
}
