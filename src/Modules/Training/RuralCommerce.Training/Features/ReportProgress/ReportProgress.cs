using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Domain.Enrolments;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.ReportProgress;

/// <summary>A stretch the player played, in seconds from the video's start (fractions allowed).</summary>
internal sealed record WatchedStretch([property: Required] decimal? From, [property: Required] decimal? To);

internal sealed record ProgressReportRequest([property: Required] Guid? LessonId, [property: Required] IReadOnlyList<WatchedStretch>? Watched);

internal static class ReportProgressEndpoint
{
    private const int MaxStretches = 200;

    public static void MapReportProgress(this IEndpointRouteBuilder group) =>
        group.MapPost(TrainingApiPaths.Progress, HandleAsync)
            .RequireAuthorization()
            .AllowPageScripts()
            .WithName("ReportProgress")
            .WithSummary("The player reports the stretches of a lesson's video the learner watched; the server keeps their union.")
            .WithDescription("Only the learner's own enrolment (404 otherwise). A lesson completes once Training:CompletionShare (90 %) of its " +
                "length has actually been played, so jumping to the end does not count. Reports are idempotent and may arrive late or out of " +
                "order (a phone back online replays its queue): progress never goes down. A stretch beyond the video's length, or a lesson of " +
                "another course, is 400 and changes nothing. The course completes with its last lesson (and the quiz, if any). The lesson " +
                "player's own script calls it with the page cookie and the antiforgery token (meta rc-antiforgery) in the RequestVerificationToken header.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<EnrolmentResponse>> HandleAsync(
        Guid enrolmentId, ProgressReportRequest request, ClaimsPrincipal caller, TrainingDbContext db, IOptions<TrainingOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(request.LessonId is not null, "lessonId", "lessonId is required.");
        var stretches = request.Watched ?? [];
        errors.Require(stretches.Count is >= 1 and <= MaxStretches, "watched", $"Report 1 to {MaxStretches} watched stretches.");
        errors.ThrowIfAny();

        var enrolment = await db.FindOwnEnrolmentAsync(caller, enrolmentId, cancellationToken);
        var course = await db.FindCourseAsync(enrolment.CourseId.Value, cancellationToken);
        var lesson = course.LessonById(request.LessonId!.Value)
                     ?? throw new RequestValidationException("lessonId", "This lesson is not part of the enrolment's course.");
        var spans = new List<WatchedSpan>();
        for (var i = 0; i < stretches.Count; i++)
        {
            var (from, to) = (stretches[i]?.From, stretches[i]?.To);
            // A player may report a fraction past the end (its clock, the file's real length); a whole second more is a lie.
            if (from is null || to is null || from < 0 || to <= from || to > lesson.DurationSeconds + 1)
            {
                errors.Add($"watched[{i}]", $"A stretch runs forward within the video's {lesson.DurationSeconds} seconds.");
                continue;
            }

            spans.Add(new WatchedSpan((int)Math.Floor(from.Value), Math.Min(lesson.DurationSeconds, (int)Math.Round(to.Value, MidpointRounding.AwayFromZero))));
        }

        errors.ThrowIfAny();
        enrolment.RecordWatching(course, lesson.Id, spans.Where(s => s.To > s.From).ToList(), options.Value.CompletionShare, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(enrolment.ToResponse(course));
    }
}
