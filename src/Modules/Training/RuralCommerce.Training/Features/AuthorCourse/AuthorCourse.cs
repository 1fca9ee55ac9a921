using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Domain.Courses;
using RuralCommerce.Training.Domain.People;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.AuthorCourse;

/// <summary>A course's details. <see cref="CooperativeId"/> (on creation only): the cooperative the trainer teaches for; none for an independent trainer.</summary>
internal sealed record CourseRequest(
    [property: Required, MaxLength(100)] string? Title,
    [property: Required, MaxLength(60)] string? Topic,
    [property: Required, OneOfNames(typeof(SkillCategory))] string? SkillCategory,
    string? Language,
    [property: MaxLength(4000)] string? Description,
    [property: Range(1, 1_000_000)] int? Capacity,
    DateTimeOffset? EnrolmentOpensAt,
    DateTimeOffset? EnrolmentClosesAt,
    Guid? CooperativeId = null);

internal static class AuthorCourseEndpoints
{
    private static readonly string[] Languages = ["zh-CN", "en"];

    public static void MapAuthorCourse(this IEndpointRouteBuilder group)
    {
        group.MapPost(TrainingApiPaths.Courses, CreateAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .WithIdempotency<TrainingDbContext>()
            .WithName("CreateCourse")
            .WithSummary("A trainer drafts a course; learners see it once it is published.")
            .WithDescription("Trainers: a member with the Trainer role names the cooperative they teach for (cooperativeId); an independent trainer " +
                "(platform role trainer) may leave it out. Skill categories: Cultivation, Livestock, Processing, ECommerceAndLivestreaming, Finance, " +
                "Other. Language: zh-CN (default) or en. Capacity and the enrolment window are optional.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut(TrainingApiPaths.Course, EditAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .WithName("EditCourse")
            .WithSummary("The trainer changes a course's details (not once it is archived).")
            .WithDescription("Only the course's trainer. The capacity cannot drop below the learners already enrolled (409).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(TrainingApiPaths.Course, GetAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .WithName("GetCourse")
            .WithSummary("The trainer's view of their course, drafts included, with the quiz's answers.")
            .WithDescription("Only the course's trainer. Learners read published courses from the catalogue.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet(TrainingApiPaths.Teaching, ListTeachingAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .WithName("ListTeaching")
            .WithSummary("The courses the caller teaches, newest first, in every status.")
            .WithDescription("Trainers.");
    }

    internal static async Task<Created<CourseResponse>> CreateAsync(
        CourseRequest request, ClaimsPrincipal caller, TrainingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var details = errors.Parse(request);
        errors.ThrowIfAny();

        var trainer = await db.TrainerAsync(caller, request.CooperativeId, cancellationToken);
        var course = Course.Draft(new CourseId(NewId.Next(clock)), trainer, details, clock.GetUtcNow());
        db.Courses.Add(course);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(TrainingApiPaths.Url(TrainingApiPaths.Course, course.Id.Value), course.ToResponse(forTrainer: true));
    }

    internal static async Task<Ok<CourseResponse>> EditAsync(
        Guid courseId, CourseRequest request, ClaimsPrincipal caller, TrainingDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var details = errors.Parse(request);
        errors.ThrowIfAny();

        var course = await db.FindOwnCourseAsync(caller, courseId, cancellationToken);
        course.Edit(details);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(course.ToResponse(forTrainer: true));
    }

    internal static async Task<Ok<CourseResponse>> GetAsync(Guid courseId, ClaimsPrincipal caller, TrainingDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.FindOwnCourseAsync(caller, courseId, cancellationToken)).ToResponse(forTrainer: true));

    internal static async Task<Ok<IReadOnlyList<CourseSummary>>> ListTeachingAsync(ClaimsPrincipal caller, TrainingDbContext db, CancellationToken cancellationToken)
    {
        var accountId = caller.AccountId();
        var courses = await db.Courses.AsNoTracking().Where(c => c.TrainerAccountId == accountId)
            .OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CourseSummary>>(courses.Select(c => c.ToSummary()).ToList());
    }

    private static CourseDetails Parse(this ValidationErrors errors, CourseRequest request)
    {
        var title = errors.RequireText(request.Title, "title", 100);
        var topic = errors.RequireText(request.Topic, "topic", 60);
        var category = errors.RequireName<SkillCategory>(request.SkillCategory, "skillCategory");
        var language = string.IsNullOrWhiteSpace(request.Language) ? "zh-CN" : request.Language.Trim();
        errors.Require(Languages.Contains(language), "language", "language must be zh-CN or en.");
        var description = errors.OptionalText(request.Description, "description", 4000) ?? "";
        errors.Require(request.Capacity is null or (>= 1 and <= 1_000_000), "capacity", "capacity must be from 1 to 1,000,000.");
        errors.Require(request.EnrolmentOpensAt is null || request.EnrolmentClosesAt is null || request.EnrolmentClosesAt > request.EnrolmentOpensAt,
            "enrolmentClosesAt", "The enrolment window must close after it opens.");
        return new CourseDetails(title, topic, category, language, description, request.Capacity,
            request.EnrolmentOpensAt?.ToUniversalTime(), request.EnrolmentClosesAt?.ToUniversalTime());
    }

    /// <summary>
    /// Who teaches a new course: a member acting as a trainer of <paramref name="cooperativeId"/> (Training's copy must
    /// know them as an active trainer, not only their token), or an independent trainer.
    /// </summary>
    private static async Task<CourseTrainer> TrainerAsync(this TrainingDbContext db, ClaimsPrincipal caller, Guid? cooperativeId, CancellationToken cancellationToken)
    {
        var name = caller.FindFirst(RuralClaims.Name)?.Value ?? "";
        if (cooperativeId is null)
        {
            return caller.HasClaim(RuralClaims.Role, PlatformRoles.Trainer)
                ? new CourseTrainer(caller.AccountId(), name, null)
                : throw new RequestValidationException("cooperativeId", "Name the cooperative you teach for.");
        }

        var membership = caller.MembershipIn(cooperativeId.Value);
        var memberId = membership is not null && membership.HasRole("Trainer") ? membership.MemberId : Guid.Empty;
        return await db.Members.AnyAsync(m => m.Id == memberId && m.IsTrainer && m.Status == MemberStatus.Active, cancellationToken)
            ? new CourseTrainer(caller.AccountId(), name, cooperativeId)
            : throw new ForbiddenException("Only an active member with the Trainer role teaches for this cooperative.");
    }
}
