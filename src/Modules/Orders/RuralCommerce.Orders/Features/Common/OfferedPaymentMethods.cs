using RuralCommerce.Orders.Domain.Orders;

namespace RuralCommerce.Orders.Features.Common;

/// <summary>
/// What buyers may pay with on this host (<c>Orders:PaymentMethods</c>), and the gateway that collects the online ones.
/// Only money the host can really collect is offered: cash on delivery needs nobody; WeChat Pay, Alipay and bank
/// transfers need a gateway to record the money, and today only Development has one (the development gateway, which
/// pays without any provider and so must never exist elsewhere).
/// </summary>
internal sealed class OfferedPaymentMethods
{
    private static readonly PaymentMethod[] BuyerChoices =
        [PaymentMethod.WeChatPay, PaymentMethod.Alipay, PaymentMethod.BankTransfer, PaymentMethod.CashOnDelivery];

    private OfferedPaymentMethods(IReadOnlyList<PaymentMethod> methods, IPaymentGateway? gateway)
    {
        Methods = methods;
        Gateway = gateway;
    }

    /// <summary>The methods a buyer may choose, in the order a checkout lists them.</summary>
    public IReadOnlyList<PaymentMethod> Methods { get; }

    /// <summary>The gateway that collects and refunds online payments; null where none is configured.</summary>
    public IPaymentGateway? Gateway { get; }

    /// <summary>
    /// The online methods a cooperative's buyers are offered on this host. The development gateway stands in for every
    /// cooperative; without a gateway there are none, whatever merchant ids a cooperative has.
    /// </summary>
    public IReadOnlyList<PaymentMethod> Online => [.. Methods.Where(NeedsGateway)];

    public static bool NeedsGateway(PaymentMethod method) => method != PaymentMethod.CashOnDelivery;

    /// <summary>Why <paramref name="configured"/> cannot be offered on a host with or without a gateway; null when it can.</summary>
    public static string? Problem(string? configured, bool hasGateway) => Parse(configured, hasGateway).Problem;

    /// <summary>What <paramref name="configured"/> offers; when not set, every buyer choice the gateway can collect.</summary>
    public static OfferedPaymentMethods Create(string? configured, IPaymentGateway? gateway)
    {
        var (methods, problem) = Parse(configured, gateway is not null);
        return problem is null ? new(methods, gateway) : throw new InvalidOperationException(problem);
    }

    private static (PaymentMethod[] Methods, string? Problem) Parse(string? configured, bool hasGateway)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return ([.. BuyerChoices.Where(m => hasGateway || !NeedsGateway(m))], null);
        }

        var methods = new HashSet<PaymentMethod>();
        foreach (var name in configured.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<PaymentMethod>(name, ignoreCase: false, out var method) || !BuyerChoices.Contains(method))
            {
                return ([], $"Orders:PaymentMethods names '{name}': offer some of {string.Join(", ", BuyerChoices)}.");
            }

            if (!hasGateway && NeedsGateway(method))
            {
                return ([], $"Orders:PaymentMethods offers {method}, but no payment provider is configured to collect it: "
                    + "offer CashOnDelivery only until one is (buyers would be asked to pay and nothing could record their money).");
            }

            methods.Add(method);
        }

        return ([.. BuyerChoices.Where(methods.Contains)], null);
    }
}
