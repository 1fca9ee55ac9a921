using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Domain.Courses;
using RuralCommerce.Training.Domain.Enrolments;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.Enrol;

internal static class EnrolEndpoint
{
    public static void MapEnrol(this IEndpointRouteBuilder group) =>
        group.MapPost(TrainingApiPaths.Enrol, HandleAsync)
            .RequireAuthorization()
            .WithName("Enrol")
            .WithSummary("The signed-in learner enrols in a published course.")
            .WithDescription("Any signed-in account with a verified phone. 201 with the new enrolment; 200 with the existing one when the learner " +
                "is already enrolled (also when a trainer enrolled their phone first: it becomes theirs), so a retried tap enrols once. " +
                "409 when the course is not published, its enrolment window is closed, or it is full.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Created<EnrolmentResponse>, Ok<EnrolmentResponse>>> HandleAsync(
        Guid courseId, ClaimsPrincipal caller, TrainingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var course = await db.FindCourseAsync(courseId, cancellationToken);
        if (!PhoneNumber.TryParse(caller.FindFirst(RuralClaims.Phone)?.Value, out var phone)
            || !string.Equals(caller.FindFirst(RuralClaims.PhoneVerified)?.Value, "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConflictException("PhoneNotVerified", "Verify your phone number before enrolling.");
        }

        var accountId = caller.AccountId();
        var known = (await db.IdentifyAsync([phone], cancellationToken))[phone];
        var now = clock.GetUtcNow();
        var writes = await db.BeginWritesAsync(cancellationToken);
        await using (writes)
        {
            // Checked inside the writes, so two taps at once find the first one's enrolment.
            var existing = (await db.EnrolledAsync(course.Id, [phone], cancellationToken)).GetValueOrDefault(phone);
            if (existing is not null)
            {
                existing.LinkAccount(accountId);
                await db.CommitWritesAsync(writes, cancellationToken);
                return TypedResults.Ok(existing.ToResponse(course));
            }

            course.CheckOpenForEnrolment(now);
            if (await db.TakePlacesAsync(course.Id, 1, cancellationToken) == 0)
            {
                throw new BusinessRuleValidationException(new ACohortIsNotOverfilledRule(course));
            }

            var name = caller.FindFirst(RuralClaims.Name)?.Value ?? "";
            var enrolment = Enrolment.Enrol(
                new EnrolmentId(NewId.Next(clock)), course, Enrolling.LearnerFor(name, phone, "", known with { AccountId = accountId }),
                EnrolmentSource.Self, now);
            db.Enrolments.Add(enrolment);
            await db.CommitWritesAsync(writes, cancellationToken);
            return TypedResults.Created(TrainingApiPaths.Url(TrainingApiPaths.MyEnrolment, enrolment.Id.Value), enrolment.ToResponse(course));
        }
    }
}
