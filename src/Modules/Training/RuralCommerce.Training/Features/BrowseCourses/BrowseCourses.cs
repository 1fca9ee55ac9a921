using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Domain.Courses;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.BrowseCourses;

internal static class BrowseCoursesEndpoints
{
    public static void MapBrowseCourses(this IEndpointRouteBuilder group)
    {
        group.MapGet(TrainingApiPaths.Catalogue, ListAsync)
            .AllowAnonymous()
            .WithName("BrowseCourses")
            .WithSummary("Published courses, newest first; filter by topic, skill category and language.")
            .WithDescription("Anyone. topic matches whatever its case; skillCategory is one of Cultivation, Livestock, Processing, " +
                "ECommerceAndLivestreaming, Finance, Other; language zh-CN or en. Paged (page, pageSize up to 100).")
            .ProducesValidationProblem();
        group.MapGet(TrainingApiPaths.CatalogueCourse, GetAsync)
            .AllowAnonymous()
            .WithName("GetPublishedCourse")
            .WithSummary("A published (or archived) course with its lessons and quiz questions, without the answers.")
            .WithDescription("Anyone. A draft is 404 here.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<PagedResult<CourseSummary>>> ListAsync(
        string? topic, [OneOfNames(typeof(SkillCategory))] string? skillCategory, string? language, [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize, TrainingDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        SkillCategory? category = string.IsNullOrWhiteSpace(skillCategory) ? null : errors.RequireName<SkillCategory>(skillCategory, "skillCategory");
        var paging = PageRequest.From(page, pageSize);
        errors.ThrowIfAny();

        var query = db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Published);
        if (category is not null)
        {
            query = query.Where(c => c.Category == category);
        }

        if (!string.IsNullOrWhiteSpace(topic))
        {
            var key = Course.KeyOf(topic);
            query = query.Where(c => c.TopicKey.Contains(key));
        }

        if (!string.IsNullOrWhiteSpace(language))
        {
            query = query.Where(c => c.Language == language.Trim());
        }

        var total = await query.CountAsync(cancellationToken);
        var courses = await query.OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<CourseSummary>(courses.Select(c => c.ToSummary()).ToList(), paging.Page, paging.PageSize, total));
    }

    internal static async Task<Ok<CourseResponse>> GetAsync(Guid courseId, TrainingDbContext db, CancellationToken cancellationToken)
    {
        var course = await db.FindCourseAsync(courseId, cancellationToken);
        return course.Status == CourseStatus.Draft
            ? throw new NotFoundException("Course", courseId)
            : TypedResults.Ok(course.ToResponse(forTrainer: false));
    }
}
