using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Domain.Courses;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.Lessons;

/// <summary>
/// A lesson's text; <see cref="VideoLink"/> points to the video on a public platform, with its length in
/// <see cref="DurationSeconds"/>. Upload the file instead and its length is read from it.
/// </summary>
internal sealed record LessonRequest(
    [property: Required, MaxLength(100)] string? Title,
    [property: MaxLength(2000)] string? Summary,
    [property: Range(1, 3600)] int? DurationSeconds,
    [property: MaxLength(500)] string? VideoLink);

internal sealed record MoveLessonRequest([property: Required, Range(1, Course.MaxLessons)] int? Position);

internal static class LessonsEndpoints
{
    public static void MapLessons(this IEndpointRouteBuilder group)
    {
        group.MapPost(TrainingApiPaths.Lessons, AddAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .WithName("AddLesson")
            .WithSummary("The trainer adds a lesson at the end of a draft course.")
            .WithDescription("Only the course's trainer, while the course is a draft (409 after). videoLink, if given, is an https address of the " +
                "video on a public platform, and durationSeconds its length in whole seconds (1 to 3600; 409 without it). Without a link, upload the " +
                "lesson's video next: its length is read from the file. At most 50 lessons.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut(TrainingApiPaths.Lesson, EditAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .WithName("EditLesson")
            .WithSummary("The trainer changes a lesson's title, summary, link or a linked video's length.")
            .WithDescription("Only the course's trainer. Once published, a lesson keeps its length (409). An uploaded video's length is read " +
                "from the file: a different durationSeconds is 409 (leave it out). A link replaces an uploaded video and needs its " +
                "durationSeconds; leaving videoLink out keeps the current video, and leaving durationSeconds out keeps the length.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete(TrainingApiPaths.Lesson, RemoveAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .WithName("RemoveLesson")
            .WithSummary("The trainer removes a lesson from a draft course; the later ones move up.")
            .WithDescription("Only the course's trainer, while the course is a draft (409 after).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut(TrainingApiPaths.LessonPosition, MoveAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .WithName("MoveLesson")
            .WithSummary("The trainer moves a lesson of a draft course to another place (1 is first).")
            .WithDescription("Only the course's trainer, while the course is a draft (409 after). A position past the end moves it last.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Created<LessonResponse>> AddAsync(
        Guid courseId, LessonRequest request, ClaimsPrincipal caller, TrainingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (content, link) = Parse(request);
        var course = await db.FindOwnCourseAsync(caller, courseId, cancellationToken);
        var lesson = course.AddLesson(NewId.Next(clock), content, link);

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(TrainingApiPaths.Url(TrainingApiPaths.Lesson, courseId, lesson.Id), lesson.ToResponse());
    }

    internal static async Task<Ok<LessonResponse>> EditAsync(
        Guid courseId, Guid lessonId, LessonRequest request, ClaimsPrincipal caller, TrainingDbContext db, CancellationToken cancellationToken)
    {
        var (content, link) = Parse(request);
        var course = await db.FindOwnCourseAsync(caller, courseId, cancellationToken);
        var lesson = course.EditLesson(lessonId, content, link);

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(lesson.ToResponse());
    }

    internal static async Task<NoContent> RemoveAsync(
        Guid courseId, Guid lessonId, ClaimsPrincipal caller, TrainingDbContext db, CancellationToken cancellationToken)
    {
        var course = await db.FindOwnCourseAsync(caller, courseId, cancellationToken);
        course.RemoveLesson(lessonId);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<CourseResponse>> MoveAsync(
        Guid courseId, Guid lessonId, MoveLessonRequest request, ClaimsPrincipal caller, TrainingDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(request.Position is >= 1 and <= Course.MaxLessons, "position", $"position must be from 1 to {Course.MaxLessons}.");
        errors.ThrowIfAny();

        var course = await db.FindOwnCourseAsync(caller, courseId, cancellationToken);
        course.MoveLesson(lessonId, request.Position!.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(course.ToResponse(forTrainer: true));
    }

    private static (LessonContent Content, string? Link) Parse(LessonRequest request)
    {
        var errors = new ValidationErrors();
        var title = errors.RequireText(request.Title, "title", 100);
        var summary = errors.OptionalText(request.Summary, "summary", 2000) ?? "";
        errors.Require(request.DurationSeconds is null or (>= 1 and <= 3600), "durationSeconds", "durationSeconds must be a whole number of seconds from 1 to 3600.");
        var link = errors.OptionalText(request.VideoLink, "videoLink", 500);
        errors.Require(link is null || (Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps),
            "videoLink", "videoLink must be an https address.");
        errors.ThrowIfAny();
        return (new LessonContent(title, summary, request.DurationSeconds), link);
    }
}
