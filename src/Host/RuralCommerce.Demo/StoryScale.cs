namespace RuralCommerce.Demo;

/// <summary>How big the story is: the demo's full size, or a small one a test plays in seconds.</summary>
/// <param name="GuizhouMembers">Members of the mushroom cooperative (administrator, trainer, host and sellers included).</param>
/// <param name="HubeiMembers">Members of the rice-wine cooperative.</param>
/// <param name="GuizhouSellers">Sellers of mushrooms; the first half of them take the course and finish it.</param>
/// <param name="HubeiSellers">Sellers of rice wine.</param>
/// <param name="Buyers">Buyers with accounts.</param>
/// <param name="Enrolled">Farmers the trainer enrols in bulk.</param>
/// <param name="Learners">Enrolled farmers who sign in and watch (the trained sellers included).</param>
/// <param name="Finishers">Learners who watch every lesson and pass the quiz.</param>
/// <param name="LivestreamOrders">Orders in the four-hour livestream.</param>
/// <param name="ShopOrdersPerMonth">Shop orders in each month.</param>
/// <param name="Months">Months of history before today.</param>
public sealed record StoryScale(
    int GuizhouMembers, int HubeiMembers, int GuizhouSellers, int HubeiSellers, int Buyers, int Enrolled, int Learners, int Finishers,
    int LivestreamOrders, int ShopOrdersPerMonth, int Months)
{
    public static StoryScale Demo { get; } = new(40, 25, 8, 5, 30, 500, 32, 20, 320, 24, 12);

    public static StoryScale Small { get; } = new(9, 6, 4, 2, 4, 12, 5, 3, 8, 3, 4);
}

/// <summary>A demo account: who it is, how to sign in, and where to start.</summary>
/// <param name="Pages">The pages this person works with (the first is where to start): each answers them 200.</param>
public sealed record StoryAccount(string Role, string Name, string Phone, string Password, IReadOnlyList<string> Pages)
{
    public string StartPath => Pages[0];
}

/// <summary>What the story did, counted by the story itself, so a test can hold the platform's figures against it.</summary>
public sealed record StoryOutcome(
    IReadOnlyList<StoryAccount> Accounts,
    Guid GuizhouCooperativeId,
    Guid HubeiCooperativeId,
    Guid LivestreamId,
    int CompletedOrders,
    decimal UnitsSold,
    decimal Gmv,
    IReadOnlyDictionary<Guid, Guid> CooperativeOfSeller,
    IReadOnlyDictionary<Guid, decimal> NetIncomeBySeller,
    IReadOnlyDictionary<(Guid Seller, string Month), decimal> NetIncomeBySellerAndMonth,
    IReadOnlyList<Guid> TrainedSellers,
    IReadOnlyList<Guid> UntrainedSellers,
    string TrainingMonth,
    int Certificates,
    TimeSpan Took);
