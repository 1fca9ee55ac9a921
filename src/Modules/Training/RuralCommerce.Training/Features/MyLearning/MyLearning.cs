using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.MyLearning;

internal static class MyLearningEndpoints
{
    public static void MapMyLearning(this IEndpointRouteBuilder group)
    {
        group.MapGet(TrainingApiPaths.MyEnrolments, ListAsync)
            .RequireAuthorization()
            .WithName("MyEnrolments")
            .WithSummary("The caller's courses with their progress, the next lesson to watch, and any certificate; most recent first.")
            .WithDescription("Any signed-in account. Includes the enrolments a trainer made for the caller's phone before it was verified.");
        group.MapGet(TrainingApiPaths.MyEnrolment, GetAsync)
            .RequireAuthorization()
            .WithName("MyEnrolment")
            .WithSummary("One of the caller's enrolments, lesson by lesson.")
            .WithDescription("Only the learner's own (404 otherwise).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<IReadOnlyList<EnrolmentResponse>>> ListAsync(ClaimsPrincipal caller, TrainingDbContext db, CancellationToken cancellationToken)
    {
        var accountId = caller.AccountId();
        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Lessons).Where(e => e.AccountId == accountId)
            .OrderByDescending(e => e.EnrolledAt).Take(100).ToListAsync(cancellationToken);
        var courseIds = enrolments.Select(e => e.CourseId).Distinct().ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<EnrolmentResponse>>(enrolments.Select(e => e.ToResponse(courses[e.CourseId])).ToList());
    }

    internal static async Task<Ok<EnrolmentResponse>> GetAsync(Guid enrolmentId, ClaimsPrincipal caller, TrainingDbContext db, CancellationToken cancellationToken)
    {
        var enrolment = await db.FindOwnEnrolmentAsync(caller, enrolmentId, cancellationToken);
        var course = await db.FindCourseAsync(enrolment.CourseId.Value, cancellationToken);
        return TypedResults.Ok(enrolment.ToResponse(course));
    }
}
