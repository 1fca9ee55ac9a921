namespace RuralCommerce.IncomeTracking.Domain.Sellers;

internal enum SellerStatus
{
    Active,
    Suspended,
    Left,
}

/// <summary>Income Tracking's copy of a cooperative member (fed by Cooperatives' notifications): every member is a possible seller.</summary>
internal sealed class Seller
{
    private Seller()
    {
    }

    public Guid Id { get; private set; }

    public Guid CooperativeId { get; private set; }

    public string Name { get; private set; } = "";

    public string Village { get; private set; } = "";

    public DateOnly JoinedOn { get; private set; }

    public SellerStatus Status { get; private set; }

    public static Seller Joined(Guid memberId, Guid cooperativeId, string name, string village, DateOnly joinedOn) =>
        new() { Id = memberId, CooperativeId = cooperativeId, Name = name, Village = village, JoinedOn = joinedOn };

    public void ChangeStatus(SellerStatus status) => Status = status;

    public void CorrectDetails(string name, string village)
    {
        Name = name;
        Village = village;
    }
}

/// <summary>The copy of a registered cooperative: its name, and the province and county its county report groups it by.</summary>
internal sealed class Cooperative
{
    private Cooperative()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Province { get; private set; } = "";

    public string County { get; private set; } = "";

    public static Cooperative Registered(Guid id, string name, string province, string county) =>
        new() { Id = id, Name = name, Province = province, County = county };
}

/// <summary>The copy of a scheduled livestream event: the title the report's top events show.</summary>
internal sealed class Livestream
{
    private Livestream()
    {
    }

    public Guid Id { get; private set; }

    public Guid CooperativeId { get; private set; }

    public string Title { get; private set; } = "";

    public DateTimeOffset PlannedStart { get; private set; }

    public static Livestream Scheduled(Guid id, Guid cooperativeId, string title, DateTimeOffset plannedStart) =>
        new() { Id = id, CooperativeId = cooperativeId, Title = title, PlannedStart = plannedStart };
}

/// <summary>A course a seller completed (Training's notification), by topic: the training-effect table's "trained" group.</summary>
internal sealed class TrainingCompletion
{
    private TrainingCompletion()
    {
    }

    public Guid EnrolmentId { get; private set; }

    public Guid SellerId { get; private set; }

    public Guid CooperativeId { get; private set; }

    public Guid CourseId { get; private set; }

    public string CourseTitle { get; private set; } = "";

    public string Topic { get; private set; } = "";

    public DateOnly CompletedOn { get; private set; }

    /// <summary>A revoked certificate no longer counts as training.</summary>
    public bool Revoked { get; private set; }

    public static TrainingCompletion Of(
        Guid enrolmentId, Guid sellerId, Guid cooperativeId, Guid courseId, string courseTitle, string topic, DateOnly completedOn) =>
        new()
        {
            EnrolmentId = enrolmentId,
            SellerId = sellerId,
            CooperativeId = cooperativeId,
            CourseId = courseId,
            CourseTitle = courseTitle,
            Topic = topic,
            CompletedOn = completedOn,
        };

    public void Revoke() => Revoked = true;
}
