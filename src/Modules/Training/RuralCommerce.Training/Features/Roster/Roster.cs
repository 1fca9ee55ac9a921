using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.Training.Domain.Enrolments;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.Roster;

internal sealed record RosterEntry(
    Guid EnrolmentId, string Name, string Phone, string Village, Guid? MemberId, bool HasAccount, string Source, string Status, int ProgressPercent,
    int CompletedLessons, DateTimeOffset EnrolledAt, DateTimeOffset? LastActivityAt, DateTimeOffset? CompletedAt, string? CertificateCode,
    bool CertificateRevoked);

internal static class RosterEndpoint
{
    public static void MapRoster(this IEndpointRouteBuilder group) =>
        group.MapGet(TrainingApiPaths.Roster, HandleAsync)
            .RequireAuthorization()
            .WithName("CourseRoster")
            .WithSummary("A course's learners with their progress, in enrolment order; filter by village, status and progress range.")
            .WithDescription("The course's trainer, or an administrator of the trainer's cooperative (403 for anyone else). status: InProgress or " +
                "Completed; minProgress and maxProgress in % (0–100). Paged (page, pageSize up to 100).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<PagedResult<RosterEntry>>> HandleAsync(
        Guid courseId, string? village, [OneOfNames(typeof(EnrolmentStatus))] string? status, [Range(0, 100)] int? minProgress, [Range(0, 100)] int? maxProgress, [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize, ClaimsPrincipal caller,
        TrainingDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        EnrolmentStatus? wanted = string.IsNullOrWhiteSpace(status) ? null : errors.RequireName<EnrolmentStatus>(status, "status");
        errors.Require(minProgress is null or (>= 0 and <= 100), "minProgress", "minProgress is a percentage from 0 to 100.");
        errors.Require(maxProgress is null or (>= 0 and <= 100), "maxProgress", "maxProgress is a percentage from 0 to 100.");
        var paging = PageRequest.From(page, pageSize);
        errors.ThrowIfAny();

        var course = await db.FindFollowedCourseAsync(caller, courseId, cancellationToken);
        var query = db.Enrolments.AsNoTracking().Where(e => e.CourseId == course.Id);
        if (!string.IsNullOrWhiteSpace(village))
        {
            query = query.Where(e => e.Village == village.Trim());
        }

        if (wanted is not null)
        {
            query = query.Where(e => e.Status == wanted);
        }

        if (minProgress is not null)
        {
            query = query.Where(e => e.ProgressPercent >= minProgress);
        }

        if (maxProgress is not null)
        {
            query = query.Where(e => e.ProgressPercent <= maxProgress);
        }

        var total = await query.CountAsync(cancellationToken);
        var learners = await query.OrderBy(e => e.EnrolledAt).ThenBy(e => e.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<RosterEntry>(learners.Select(e => new RosterEntry(
            e.Id.Value, e.LearnerName, e.Phone.Value, e.Village, e.MemberId, e.AccountId is not null, e.Source.ToString(), e.Status.ToString(),
            e.ProgressPercent, e.CompletedLessons, e.EnrolledAt, e.LastActivityAt, e.CompletedAt, e.Certificate?.Code,
            e.Certificate?.IsRevoked ?? false)).ToList(), paging.Page, paging.PageSize, total));
    }
}
