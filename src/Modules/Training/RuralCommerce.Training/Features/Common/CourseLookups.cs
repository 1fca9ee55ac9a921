using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Domain.Courses;
using RuralCommerce.Training.Domain.Enrolments;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.Common;

internal static class CourseLookups
{
    public static async Task<Course> FindCourseAsync(this TrainingDbContext db, Guid courseId, CancellationToken cancellationToken)
    {
        var id = new CourseId(courseId);
        return await db.Courses.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Course", courseId);
    }

    /// <summary>A course the caller teaches (403 for anyone else's: its existence is public once published).</summary>
    public static async Task<Course> FindOwnCourseAsync(this TrainingDbContext db, ClaimsPrincipal caller, Guid courseId, CancellationToken cancellationToken)
    {
        var course = await db.FindCourseAsync(courseId, cancellationToken);
        return course.TrainerAccountId == caller.AccountId()
            ? course
            : throw new ForbiddenException("Only the course's trainer may change it or enrol learners in it.");
    }

    /// <summary>
    /// A course whose learners the caller may follow: its trainer, or an administrator of the trainer's cooperative
    /// (the cooperative wants to know who finished).
    /// </summary>
    public static async Task<Course> FindFollowedCourseAsync(this TrainingDbContext db, ClaimsPrincipal caller, Guid courseId, CancellationToken cancellationToken)
    {
        var course = await db.FindCourseAsync(courseId, cancellationToken);
        return course.TrainerAccountId == caller.AccountId() || (course.CooperativeId is { } cooperativeId && caller.CanAdminister(cooperativeId))
            ? course
            : throw new ForbiddenException("Only the course's trainer and its cooperative's administrators follow its learners.");
    }

    /// <summary>One of the caller's own enrolments (another learner's is 404: it is none of the caller's business).</summary>
    public static async Task<Enrolment> FindOwnEnrolmentAsync(
        this TrainingDbContext db, ClaimsPrincipal caller, Guid enrolmentId, CancellationToken cancellationToken, bool withProgress = true)
    {
        var id = new EnrolmentId(enrolmentId);
        var accountId = caller.AccountId();
        var query = db.Enrolments.Where(e => e.Id == id && e.AccountId == accountId);
        if (withProgress)
        {
            query = query.Include(e => e.Lessons);
        }

        return await query.SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Enrolment", enrolmentId);
    }
}
