using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralCommerce.Training.Domain.Courses;
using RuralCommerce.Training.Domain.Enrolments;
using RuralCommerce.Training.Domain.FieldSessions;
using RuralCommerce.Training.Domain.People;

namespace RuralCommerce.Training.Persistence;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.ToTable("Courses");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TrainerName).HasMaxLength(50);
        builder.Property(c => c.Title).HasMaxLength(100);
        builder.Property(c => c.Topic).HasMaxLength(60);
        builder.Property(c => c.TopicKey).HasMaxLength(60);
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Language).HasMaxLength(10);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.CoverImage).HasMaxLength(64);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(c => c.Lessons).WithOne().HasForeignKey("CourseId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Lessons).HasField("_lessons").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(c => c.Questions).WithOne().HasForeignKey("CourseId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Questions).HasField("_questions").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasIndex(c => new { c.Status, c.Category, c.PublishedAt });
        builder.HasIndex(c => new { c.TrainerAccountId, c.CreatedAt });
    }
}

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> builder)
    {
        builder.ToTable("Lessons");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Title).HasMaxLength(100);
        builder.Property(l => l.Summary).HasMaxLength(2000);
        builder.Property(l => l.VideoFile).HasMaxLength(80);
        builder.Property(l => l.VideoContentType).HasMaxLength(20);
        builder.Property(l => l.VideoLink).HasMaxLength(500);
        builder.Ignore(l => l.HasVideo);
    }
}

internal sealed class QuizQuestionConfiguration : IEntityTypeConfiguration<QuizQuestion>
{
    public void Configure(EntityTypeBuilder<QuizQuestion> builder)
    {
        builder.ToTable("QuizQuestions");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Text).HasMaxLength(500);
        builder.Property(q => q.Options).HasMaxLength(2000).HasConversion(
            options => JsonSerializer.Serialize(options, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>(),
            new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), o => o.Aggregate(0, (h, s) => HashCode.Combine(h, s)), o => o.ToList()));
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("Enrolments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.LearnerName).HasMaxLength(50);
        builder.Property(e => e.Village).HasMaxLength(50);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.OwnsOne(e => e.Certificate, certificate =>
        {
            certificate.Property(c => c.Code).HasColumnName("CertificateCode").HasMaxLength(Certificate.CodeLength);
            certificate.Property(c => c.IssuedAt).HasColumnName("CertificateIssuedAt");
            certificate.Property(c => c.RevokedAt).HasColumnName("CertificateRevokedAt");
            certificate.Property(c => c.RevocationReason).HasColumnName("CertificateRevocationReason").HasMaxLength(200);
            certificate.Ignore(c => c.IsRevoked);
            certificate.HasIndex(c => c.Code).IsUnique().HasFilter("CertificateCode IS NOT NULL");
        });
        builder.Navigation(e => e.Certificate).AutoInclude();
        builder.HasMany(e => e.Lessons).WithOne().HasForeignKey("EnrolmentId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Lessons).HasField("_lessons").UsePropertyAccessMode(PropertyAccessMode.Field);
        // One enrolment per phone and course: a farmer enrolled twice (by the trainer, then themselves) is one learner.
        builder.HasIndex(e => new { e.CourseId, e.Phone }).IsUnique();
        builder.HasIndex(e => new { e.AccountId, e.EnrolledAt });
        builder.HasIndex(e => e.Phone);
        builder.HasIndex(e => new { e.CourseId, e.EnrolledAt });
        // The roster's usual filter: one village, a progress range.
        builder.HasIndex(e => new { e.CourseId, e.Village, e.ProgressPercent });
        builder.HasIndex(e => new { e.CourseId, e.LastActivityAt });
        builder.HasIndex(e => new { e.CourseId, e.Status, e.DaysToComplete });
    }
}

internal sealed class LessonProgressConfiguration : IEntityTypeConfiguration<LessonProgress>
{
    public void Configure(EntityTypeBuilder<LessonProgress> builder)
    {
        builder.ToTable("LessonProgress");
        builder.Property<EnrolmentId>("EnrolmentId");
        builder.HasKey("EnrolmentId", nameof(LessonProgress.LessonId));
        builder.Property(p => p.Watched).HasMaxLength(4000);
        builder.Ignore(p => p.IsCompleted);
        // The dashboard's drop-off: how many learners reached and finished each lesson of a course, from the index alone.
        builder.HasIndex(p => new { p.CourseId, p.LessonId, p.CompletedAt });
    }
}

internal sealed class VerifiedAccountConfiguration : IEntityTypeConfiguration<VerifiedAccount>
{
    public void Configure(EntityTypeBuilder<VerifiedAccount> builder)
    {
        builder.ToTable("VerifiedAccounts");
        builder.HasKey(a => a.AccountId);
        builder.Property(a => a.AccountId).ValueGeneratedNever();
        builder.HasIndex(a => a.Phone);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("Members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(50);
        builder.Property(m => m.Village).HasMaxLength(50);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => m.Phone);
    }
}

internal sealed class FieldSessionConfiguration : IEntityTypeConfiguration<FieldSession>
{
    public void Configure(EntityTypeBuilder<FieldSession> builder)
    {
        builder.ToTable("FieldSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Place).HasMaxLength(200);
        builder.HasMany(s => s.Signups).WithOne().HasForeignKey("FieldSessionId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Signups).HasField("_signups").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasIndex(s => new { s.CourseId, s.StartsAt });
    }
}

internal sealed class FieldSessionSignupConfiguration : IEntityTypeConfiguration<FieldSessionSignup>
{
    public void Configure(EntityTypeBuilder<FieldSessionSignup> builder)
    {
        builder.ToTable("FieldSessionSignups");
        builder.Property<FieldSessionId>("FieldSessionId");
        builder.HasKey("FieldSessionId", nameof(FieldSessionSignup.EnrolmentId));
        builder.Property(x => x.LearnerName).HasMaxLength(50);
    }
}

internal sealed class CooperativeConfiguration : IEntityTypeConfiguration<Cooperative>
{
    public void Configure(EntityTypeBuilder<Cooperative> builder)
    {
        builder.ToTable("Cooperatives");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(100);
    }
}
