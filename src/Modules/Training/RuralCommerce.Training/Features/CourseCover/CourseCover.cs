using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Shared.Infrastructure.Files;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.CourseCover;

internal static partial class CourseCoverEndpoints
{
    public const long MaxCoverBytes = 5 * 1024 * 1024;

    /// <summary>Room for a 5 MB photo and the multipart framing around it.</summary>
    private const long UploadBodyLimit = 6 * 1024 * 1024;

    public static void MapCourseCover(this IEndpointRouteBuilder group)
    {
        group.MapPost(TrainingApiPaths.Cover, UploadAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .DisableAntiforgery()
            .WithRequestBodyLimit(UploadBodyLimit)
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("UploadCourseCover")
            .WithSummary("The trainer sets the course's cover photo (JPEG, PNG or WebP up to 5 MB, in the form field \"file\").")
            .WithDescription("Only the course's trainer, until the course is archived. The content decides: a file that is not a complete photo is " +
                "400 and nothing is stored. The photo is re-encoded (WebP, at most 1200 px, and a 240 px thumbnail for the catalogue), turned " +
                "upright, and replaces the earlier cover.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet(TrainingApiPaths.CoverFile, Serve)
            .AllowAnonymous()
            .WithName("GetCoverFile")
            .WithSummary("A course's cover photo or its thumbnail (WebP), cached for a year: its address names its content.")
            .WithDescription("Anyone. {file} is a name from a course's coverUrl or coverThumbnailUrl.")
            .Produces(StatusCodes.Status200OK, contentType: "image/webp")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<CourseResponse>> UploadAsync(
        Guid courseId, IFormFile? file, ClaimsPrincipal caller, TrainingDbContext db, IFileStore files, PhotoDecoder decoder, CancellationToken cancellationToken)
    {
        var course = await db.FindOwnCourseAsync(caller, courseId, cancellationToken);
        if (file is null || file.Length == 0)
        {
            throw new RequestValidationException("file", "Choose a photo to upload.");
        }

        if (file.Length > MaxCoverBytes)
        {
            throw new RequestValidationException("file", $"A cover photo may be at most {MaxCoverBytes / (1024 * 1024)} MB.");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var processed = await decoder.ProcessAsync(buffer.ToArray(), cancellationToken);
        await files.SaveAsync(CoverKey(processed.ContentHash + CourseResponses.CoverSuffix), processed.Full, cancellationToken);
        await files.SaveAsync(CoverKey(processed.ContentHash + CourseResponses.CoverThumbnailSuffix), processed.Thumbnail, cancellationToken);
        course.SetCover(processed.ContentHash);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(course.ToResponse(forTrainer: true));
    }

    internal static IResult Serve(string file, HttpContext http, IFileStore files) =>
        StoredFiles.Serve(files, CoverFileName().IsMatch(file) ? CoverKey(file) : null, file, "image/webp", "Cover", http);

    private static string CoverKey(string fileName) => StoredFiles.Key("training/covers", fileName);

    [GeneratedRegex("^[0-9a-f]{64}(\\.thumb)?\\.webp$")]
    private static partial Regex CoverFileName();
}
