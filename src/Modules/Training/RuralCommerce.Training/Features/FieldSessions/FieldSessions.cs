using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Domain.Courses;
using RuralCommerce.Training.Domain.Enrolments;
using RuralCommerce.Training.Domain.FieldSessions;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.FieldSessions;

internal sealed record FieldSessionRequest(
    [property: Required] DateTimeOffset? StartsAt,
    [property: Range(15, 720)] int? DurationMinutes,
    [property: Required, MaxLength(200)] string? Place,
    [property: Required, Range(1, 1000)] int? Capacity);

internal sealed record AttendanceRequest([property: Required] IReadOnlyList<Guid>? Present);

/// <summary>A signed-up learner on the attendance sheet; <see cref="Attended"/> is null until attendance is taken.</summary>
internal sealed record SignupResponse(Guid EnrolmentId, string LearnerName, DateTimeOffset SignedUpAt, bool? Attended);

/// <summary>A field session; <see cref="Signups"/> only for its trainer and the cooperative's administrators, <see cref="SignedUp"/> for the asking learner.</summary>
internal sealed record FieldSessionResponse(
    Guid SessionId, Guid CourseId, DateTimeOffset StartsAt, int DurationMinutes, string Place, int Capacity, int Taken, bool? SignedUp,
    DateTimeOffset? AttendanceRecordedAt, IReadOnlyList<SignupResponse>? Signups);

internal static class FieldSessionsEndpoints
{
    public static void MapFieldSessions(this IEndpointRouteBuilder group)
    {
        group.MapPost(TrainingApiPaths.FieldSessions, PlanAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .WithName("PlanFieldSession")
            .WithSummary("The trainer plans an in-person session of the course: when, where, for how many.")
            .WithDescription("Only the course's trainer, for a time still to come (409), not in an archived course. durationMinutes defaults to 120.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(TrainingApiPaths.FieldSessions, ListAsync)
            .RequireAuthorization()
            .WithName("ListFieldSessions")
            .WithSummary("A course's field sessions, soonest first: its trainer sees who signed up; a learner sees whether they did.")
            .WithDescription("The course's trainer and its cooperative's administrators (with the sign-ups), or a learner enrolled in it (403 otherwise).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut(TrainingApiPaths.FieldSessionSignup, SignUpAsync)
            .RequireAuthorization()
            .WithName("SignUpForFieldSession")
            .WithSummary("The learner signs up for a field session of their course; signing up again changes nothing.")
            .WithDescription("Only the learner's own enrolment (404 otherwise), in a session of the same course, before it starts, while places " +
                "remain (409). Two learners taking the last place at once: one gets it, the other 409.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut(TrainingApiPaths.Attendance, RecordAttendanceAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .WithName("RecordAttendance")
            .WithSummary("The trainer records who came: the enrolments present; every other sign-up is marked absent.")
            .WithDescription("Only the course's trainer, once the session has started (409 before). Naming someone who did not sign up is 409. " +
                "Taking attendance again replaces the record.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Created<FieldSessionResponse>> PlanAsync(
        Guid courseId, FieldSessionRequest request, ClaimsPrincipal caller, TrainingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(request.StartsAt is not null, "startsAt", "startsAt is required.");
        var place = errors.RequireText(request.Place, "place", 200);
        errors.Require(request.Capacity is >= 1 and <= 1000, "capacity", "capacity must be from 1 to 1000.");
        errors.Require(request.DurationMinutes is null or (>= 15 and <= 720), "durationMinutes", "durationMinutes must be from 15 to 720.");
        errors.ThrowIfAny();

        var course = await db.FindOwnCourseAsync(caller, courseId, cancellationToken);
        var session = FieldSession.Plan(new FieldSessionId(NewId.Next(clock)), course, request.StartsAt!.Value.ToUniversalTime(),
            request.DurationMinutes ?? 120, place, request.Capacity!.Value, clock.GetUtcNow());
        db.FieldSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(TrainingApiPaths.Url(TrainingApiPaths.FieldSession, courseId, session.Id.Value),
            session.ToResponse(null, withSignups: true));
    }

    internal static async Task<Ok<IReadOnlyList<FieldSessionResponse>>> ListAsync(
        Guid courseId, ClaimsPrincipal caller, TrainingDbContext db, CancellationToken cancellationToken)
    {
        var course = await db.FindCourseAsync(courseId, cancellationToken);
        var accountId = caller.AccountId();
        var follows = course.TrainerAccountId == accountId || (course.CooperativeId is { } c && caller.CanAdminister(c));
        EnrolmentId? mine = follows
            ? null
            : await db.Enrolments.AsNoTracking().Where(e => e.CourseId == course.Id && e.AccountId == accountId).Select(e => (EnrolmentId?)e.Id)
                  .FirstOrDefaultAsync(cancellationToken)
              ?? throw new ForbiddenException("Only the course's trainer, its cooperative's administrators and its learners see its field sessions.");
        var sessions = await db.FieldSessions.AsNoTracking().Where(s => s.CourseId == course.Id).OrderBy(s => s.StartsAt).Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<FieldSessionResponse>>(sessions.Select(s => s.ToResponse(mine, withSignups: follows)).ToList());
    }

    internal static async Task<Ok<FieldSessionResponse>> SignUpAsync(
        Guid enrolmentId, Guid sessionId, ClaimsPrincipal caller, TrainingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var enrolment = await db.FindOwnEnrolmentAsync(caller, enrolmentId, cancellationToken, withProgress: false);
        var session = await db.FindSessionAsync(sessionId, cancellationToken);
        if (session.SignUp(enrolment, clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(session.ToResponse(enrolment.Id, withSignups: false));
    }

    internal static async Task<Ok<FieldSessionResponse>> RecordAttendanceAsync(
        Guid courseId, Guid sessionId, AttendanceRequest request, ClaimsPrincipal caller, TrainingDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.Present is null)
        {
            throw new RequestValidationException("present", "present is required: the enrolments of the learners who came (empty: nobody).");
        }

        var course = await db.FindOwnCourseAsync(caller, courseId, cancellationToken);
        var session = await db.FindSessionAsync(sessionId, cancellationToken);
        if (session.CourseId != course.Id)
        {
            throw new NotFoundException("Field session", sessionId);
        }

        session.RecordAttendance(request.Present.Select(id => new EnrolmentId(id)).ToHashSet(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(session.ToResponse(null, withSignups: true));
    }

    private static async Task<FieldSession> FindSessionAsync(this TrainingDbContext db, Guid sessionId, CancellationToken cancellationToken)
    {
        var id = new FieldSessionId(sessionId);
        return await db.FieldSessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Field session", sessionId);
    }

    private static FieldSessionResponse ToResponse(this FieldSession session, EnrolmentId? learner, bool withSignups) => new(
        session.Id.Value, session.CourseId.Value, session.StartsAt, session.DurationMinutes, session.Place, session.Capacity, session.Signups.Count,
        learner is { } l ? session.Signups.Any(s => s.EnrolmentId == l) : null, session.AttendanceRecordedAt,
        withSignups ? session.Signups.OrderBy(s => s.SignedUpAt).Select(s => new SignupResponse(s.EnrolmentId.Value, s.LearnerName, s.SignedUpAt, s.Attended)).ToList() : null);
}
