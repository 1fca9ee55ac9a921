using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Training.Domain.Enrolments;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.CourseDashboard;

/// <summary>How many learners reached (started) and completed one lesson: the drop-off chart's bar.</summary>
internal sealed record LessonReach(Guid LessonId, int Position, string Title, int Reached, int Completed);

internal sealed record DashboardResponse(
    Guid CourseId, string Title, int Enrolled, int ActiveLast7Days, int Completed, decimal CompletionRatePercent, decimal? MedianDaysToComplete,
    IReadOnlyList<LessonReach> DropOff);

internal static class CourseDashboardEndpoint
{
    public static void MapCourseDashboard(this IEndpointRouteBuilder group) =>
        group.MapGet(TrainingApiPaths.Dashboard, HandleAsync)
            .RequireAuthorization()
            .WithName("CourseDashboard")
            .WithSummary("A course's numbers: enrolled, active in the last 7 days, completed, completion rate, median days to complete, drop-off per lesson.")
            .WithDescription("The course's trainer, or an administrator of the trainer's cooperative (403 for anyone else). Drop-off: for each " +
                "lesson, how many learners started it and how many completed it. The completion rate is rounded to 0.1 %.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<DashboardResponse>> HandleAsync(
        Guid courseId, ClaimsPrincipal caller, TrainingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var course = await db.FindFollowedCourseAsync(caller, courseId, cancellationToken);
        var enrolments = db.Enrolments.AsNoTracking().Where(e => e.CourseId == course.Id);
        var enrolled = await enrolments.CountAsync(cancellationToken);
        var since = clock.GetUtcNow().AddDays(-7);
        var active = await enrolments.CountAsync(e => e.LastActivityAt >= since, cancellationToken);
        var completed = enrolments.Where(e => e.Status == EnrolmentStatus.Completed);
        var completedCount = await completed.CountAsync(cancellationToken);
        var median = await MedianDaysAsync(completed, completedCount, cancellationToken);

        var reach = await db.LessonProgress.AsNoTracking().Where(p => p.CourseId == course.Id)
            .GroupBy(p => p.LessonId)
            .Select(g => new { LessonId = g.Key, Reached = g.Count(), Completed = g.Count(p => p.CompletedAt != null) })
            .ToDictionaryAsync(r => r.LessonId, cancellationToken);
        var dropOff = course.Lessons.Select(l => new LessonReach(
            l.Id, l.Position, l.Title, reach.GetValueOrDefault(l.Id)?.Reached ?? 0, reach.GetValueOrDefault(l.Id)?.Completed ?? 0)).ToList();
        var rate = enrolled == 0 ? 0m : Math.Round(100m * completedCount / enrolled, 1, MidpointRounding.AwayFromZero);
        return TypedResults.Ok(new DashboardResponse(course.Id.Value, course.Title, enrolled, active, completedCount, rate, median, dropOff));
    }

    /// <summary>The median of whole days to complete, read as the one or two middle rows (never all of them).</summary>
    private static async Task<decimal?> MedianDaysAsync(IQueryable<Enrolment> completed, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return null;
        }

        var middle = await completed.OrderBy(e => e.DaysToComplete).Skip((count - 1) / 2).Take(2 - (count % 2))
            .Select(e => e.DaysToComplete ?? 0).ToListAsync(cancellationToken);
        return middle.Average(d => (decimal)d);
    }
}
