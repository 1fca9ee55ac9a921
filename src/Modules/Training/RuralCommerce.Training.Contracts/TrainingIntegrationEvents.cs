using RuralCommerce.SharedKernel;

namespace RuralCommerce.Training.Contracts;

/// <summary>Skill categories a course teaches, as they travel in events.</summary>
public static class SkillCategories
{
    public const string Cultivation = "Cultivation";
    public const string Livestock = "Livestock";
    public const string Processing = "Processing";
    public const string ECommerceAndLivestreaming = "ECommerceAndLivestreaming";
    public const string Finance = "Finance";
    public const string Other = "Other";
}

/// <summary>Something happened to one course: delivered in order per course.</summary>
public abstract record CourseIntegrationEvent(Guid CourseId) : IntegrationEvent
{
    public override string PartitionKey => $"course:{CourseId}";
}

/// <summary>Something happened to one learner's enrolment: delivered in order per enrolment.</summary>
public abstract record EnrolmentIntegrationEvent(Guid EnrolmentId) : IntegrationEvent
{
    public override string PartitionKey => $"enrolment:{EnrolmentId}";
}

/// <summary>
/// A course opened to learners. <paramref name="CooperativeId"/> is the trainer's cooperative, or null for an
/// independent trainer.
/// </summary>
public sealed record CoursePublishedIntegrationEvent(
    Guid CourseId, Guid TrainerAccountId, Guid? CooperativeId, string Title, string Topic, string SkillCategory, string Language, int LessonCount)
    : CourseIntegrationEvent(CourseId);

/// <summary>A course closed: no new enrolments; learners keep what they earned.</summary>
public sealed record CourseArchivedIntegrationEvent(Guid CourseId) : CourseIntegrationEvent(CourseId);

/// <summary>
/// A learner enrolled. <paramref name="AccountId"/> is null for a farmer enrolled by phone who has no verified account
/// yet; <paramref name="MemberId"/> is set when the phone belongs to a cooperative member.
/// </summary>
public sealed record LearnerEnrolledIntegrationEvent(
    Guid EnrolmentId, Guid CourseId, Guid? AccountId, string Phone, Guid? MemberId, Guid? CooperativeId, DateTimeOffset EnrolledAt)
    : EnrolmentIntegrationEvent(EnrolmentId);

public sealed record LessonCompletedIntegrationEvent(Guid EnrolmentId, Guid CourseId, Guid LessonId, int Position, DateTimeOffset CompletedAt)
    : EnrolmentIntegrationEvent(EnrolmentId);

/// <summary>
/// A learner finished every lesson (and passed the quiz, if any) and received a certificate. Income Tracking compares
/// trained with untrained sellers by <paramref name="MemberId"/>; Catalog shows the certificate on the grower's trace page.
/// </summary>
public sealed record CourseCompletedIntegrationEvent(
    Guid EnrolmentId, Guid CourseId, Guid? AccountId, string Phone, Guid? MemberId, Guid? CooperativeId, string CourseTitle, string Topic,
    string SkillCategory, DateOnly CompletedOn, string CertificateCode)
    : EnrolmentIntegrationEvent(EnrolmentId);

public sealed record CertificateRevokedIntegrationEvent(Guid EnrolmentId, Guid CourseId, string CertificateCode, string Reason)
    : EnrolmentIntegrationEvent(EnrolmentId);
