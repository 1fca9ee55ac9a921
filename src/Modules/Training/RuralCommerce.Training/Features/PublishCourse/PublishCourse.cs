using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.PublishCourse;

internal static class PublishCourseEndpoints
{
    public static void MapPublishCourse(this IEndpointRouteBuilder group)
    {
        group.MapPost(TrainingApiPaths.PublishCourse, PublishAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .WithName("PublishCourse")
            .WithSummary("The trainer opens a draft course to learners.")
            .WithDescription("Only the course's trainer. A course needs at least one lesson, and every lesson its video, uploaded or linked (409). " +
                "From then on its lessons and quiz are fixed; texts and videos may still change.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(TrainingApiPaths.ArchiveCourse, ArchiveAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .WithName("ArchiveCourse")
            .WithSummary("The trainer closes a published course: no new enrolments; learners keep their progress and certificates.")
            .WithDescription("Only the course's trainer; only a published course (409).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Ok<CourseResponse>> PublishAsync(
        Guid courseId, ClaimsPrincipal caller, TrainingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var course = await db.FindOwnCourseAsync(caller, courseId, cancellationToken);
        course.Publish(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(course.ToResponse(forTrainer: true));
    }

    internal static async Task<Ok<CourseResponse>> ArchiveAsync(
        Guid courseId, ClaimsPrincipal caller, TrainingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var course = await db.FindOwnCourseAsync(caller, courseId, cancellationToken);
        course.Archive(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(course.ToResponse(forTrainer: true));
    }
}
