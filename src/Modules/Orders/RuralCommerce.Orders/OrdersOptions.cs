namespace RuralCommerce.Orders;

/// <summary>Settings under <c>Orders</c>.</summary>
internal sealed class OrdersOptions
{
    public const string SectionName = "Orders";

    /// <summary>How long an order waits for its payment before it is cancelled and its stock released.</summary>
    public TimeSpan UnpaidExpiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long after its last delivery an order the buyer has not confirmed completes on its own.</summary>
    public TimeSpan CompletionDelay { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long after delivery a buyer may ask for a refund.</summary>
    public TimeSpan RefundWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the housekeeping job expires unpaid orders, completes delivered ones and sends owed refunds.</summary>
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many placements one host works on at once (three per processor when not set); the others wait their turn,
    /// oldest first. More at once only makes each one slower: they share the processors and the database's one writer,
    /// and the notifications of the orders already placed fall behind.
    /// </summary>
    public int? PlacementConcurrency { get; set; }

    /// <summary>How many placements may wait for their turn on one host; beyond that a buyer is asked to retry (429).</summary>
    public int PlacementQueue { get; set; } = 1_000;

    public int PlacementsAtOnce => PlacementConcurrency is > 0 and var set ? set : 3 * Environment.ProcessorCount;

    /// <summary>
    /// What buyers may pay with, comma-separated (WeChatPay, Alipay, BankTransfer, CashOnDelivery). Not set: all of them
    /// in Development, cash on delivery only elsewhere, where no payment provider is configured yet. A method that needs
    /// a provider the host does not have stops the host at start-up.
    /// </summary>
    public string? PaymentMethods { get; set; }

    /// <summary>The platform's credentials at WeChat Pay, as service provider for the cooperatives (checked at start-up when any is set).</summary>
    public Payments.WeChatPaySettings WeChatPay { get; set; } = new();

    /// <summary>The platform's Alipay third-party app (checked at start-up when any is set).</summary>
    public Payments.AlipaySettings Alipay { get; set; } = new();

    /// <summary>The development payment gateway's callback key (Development only); generated into the data folder when not set.</summary>
    public string? PaymentCallbackSecret { get; set; }
}
