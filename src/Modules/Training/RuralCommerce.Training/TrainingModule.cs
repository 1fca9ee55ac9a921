using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.Training.Features.AuthorCourse;
using RuralCommerce.Training.Features.BrowseCourses;
using RuralCommerce.Training.Features.Certificates;
using RuralCommerce.Training.Features.CourseCover;
using RuralCommerce.Training.Features.CourseDashboard;
using RuralCommerce.Training.Features.Enrol;
using RuralCommerce.Training.Features.EnrolLearners;
using RuralCommerce.Training.Features.FieldSessions;
using RuralCommerce.Training.Features.Lessons;
using RuralCommerce.Training.Features.LessonVideos;
using RuralCommerce.Training.Features.MyLearning;
using RuralCommerce.Training.Features.PublishCourse;
using RuralCommerce.Training.Features.Quiz;
using RuralCommerce.Training.Features.ReportProgress;
using RuralCommerce.Training.Features.Roster;
using RuralCommerce.Training.Features.TakeQuiz;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training;

public static class TrainingModule
{
    public const string Name = "Training";

    public static IServiceCollection AddTrainingModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDatabase<TrainingDbContext, SqliteTrainingDbContext, SqlServerTrainingDbContext>(
            Name,
            TrainingDbContext.SchemaName,
            // A course loads its lessons and quiz in one query: at most 50 × 30 rows, cheaper than a second round trip.
            warnings => warnings.Ignore(RelationalEventId.MultipleCollectionIncludeWarning));
        services.AddIntegrationEventHandlersFrom(typeof(TrainingModule).Assembly);
        services.AddOptions<TrainingOptions>().Bind(configuration.GetSection(TrainingOptions.SectionName))
            .Validate(o => o.CompletionShare is > 0m and <= 1m && o.MaxVideoBytes > 0 && o.MaxBulkRows > 0,
                "Training:CompletionShare must be in (0, 1]; Training:MaxVideoBytes and Training:MaxBulkRows positive.")
            .ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapTrainingModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(TrainingApiPaths.Root).WithTags(Name);
        group.MapModuleHealth(Name);
        group.MapAuthorCourse();
        group.MapLessons();
        group.MapLessonVideos();
        group.MapQuiz();
        group.MapPublishCourse();
        group.MapEnrol();
        group.MapEnrolLearners();
        group.MapBrowseCourses();
        group.MapMyLearning();
        group.MapReportProgress();
        group.MapTakeQuiz();
        group.MapCertificates();
        group.MapRoster();
        group.MapCourseDashboard();
        group.MapFieldSessions();
        group.MapCourseCover();
        return endpoints;
    }
}
