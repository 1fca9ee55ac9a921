using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Contracts;
using RuralCommerce.Training.Domain.Courses;
using RuralCommerce.Training.Domain.Enrolments;
using RuralCommerce.Training.Domain.FieldSessions;
using RuralCommerce.Training.Domain.People;

namespace RuralCommerce.Training.Persistence;

internal abstract class TrainingDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    internal const string SchemaName = "training";

    public override string Schema => SchemaName;

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<LessonProgress> LessonProgress => Set<LessonProgress>();

    public DbSet<FieldSession> FieldSessions => Set<FieldSession>();

    public DbSet<VerifiedAccount> VerifiedAccounts => Set<VerifiedAccount>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Cooperative> Cooperatives => Set<Cooperative>();

    /// <summary>What other modules hear of this one; the rows commit with the change that raised them.</summary>
    protected override IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) => domainEvent switch
    {
        CoursePublished { Course: var c } =>
        [
            new CoursePublishedIntegrationEvent(
                c.Id.Value, c.TrainerAccountId, c.CooperativeId, c.Title, c.Topic, c.Category.ToString(), c.Language, c.Lessons.Count),
        ],
        CourseArchived { Course: var c } => [new CourseArchivedIntegrationEvent(c.Id.Value)],
        LearnerEnrolled { Enrolment: var e } =>
            [new LearnerEnrolledIntegrationEvent(e.Id.Value, e.CourseId.Value, e.AccountId, e.Phone.Value, e.MemberId, e.CooperativeId, e.EnrolledAt)],
        LessonCompleted { Enrolment: var e, Lesson: var l } =>
            [new LessonCompletedIntegrationEvent(e.Id.Value, e.CourseId.Value, l.Id, l.Position, e.ProgressOf(l.Id)!.CompletedAt!.Value)],
        CourseCompleted { Enrolment: var e, Course: var c } =>
        [
            new CourseCompletedIntegrationEvent(
                e.Id.Value, c.Id.Value, e.AccountId, e.Phone.Value, e.MemberId, e.CooperativeId, c.Title, c.Topic, c.Category.ToString(),
                ChinaTime.Today(e.CompletedAt!.Value), e.Certificate!.Code),
        ],
        CertificateRevoked { Enrolment: var e } =>
            [new CertificateRevokedIntegrationEvent(e.Id.Value, e.CourseId.Value, e.Certificate!.Code, e.Certificate.RevocationReason!)],
        _ => [],
    };
}

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
internal sealed class SqliteTrainingDbContext(DbContextOptions<SqliteTrainingDbContext> options) : TrainingDbContext(options);

/// <summary>Production; migrations in Persistence/Migrations/SqlServer.</summary>
internal sealed class SqlServerTrainingDbContext(DbContextOptions<SqlServerTrainingDbContext> options) : TrainingDbContext(options);
