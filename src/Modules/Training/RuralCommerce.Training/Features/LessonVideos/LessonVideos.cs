using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RuralCommerce.Shared.Infrastructure.Files;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Domain.Courses;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.LessonVideos;

internal static partial class LessonVideosEndpoints
{
    /// <summary>Room for a 200 MB video and the multipart framing around it.</summary>
    private const long UploadBodyLimit = 201L * 1024 * 1024;

    public static void MapLessonVideos(this IEndpointRouteBuilder group)
    {
        group.MapPost(TrainingApiPaths.LessonVideo, UploadAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            // Bearer-token API: no cookie rides along, so there is no cross-site form to guard against.
            .DisableAntiforgery()
            .WithRequestBodyLimit(UploadBodyLimit)
            .WithFormOptions(multipartBodyLengthLimit: UploadBodyLimit)
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("UploadLessonVideo")
            .WithSummary("The trainer uploads a lesson's video (MP4 or WebM up to 200 MB, in the form field \"file\").")
            .WithDescription("Only the course's trainer, until the course is archived. The content decides, not the name: a file that is not an " +
                "MP4 or WebM video, or whose length cannot be read from its header (MP4's mvhd, WebM's Segment/Info/Duration), is 400 and " +
                "nothing is stored. The length read becomes the lesson's (a published lesson keeps its length: 409 for a video of another " +
                "length). The video replaces the lesson's link or earlier upload and is served, with range requests, from an address that " +
                "names its content. The answer tells the video's bit rate; above 300 kbit/s (stallsOnSlowNetworks) it stalls on a village " +
                "network of 400 kbit/s.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet(TrainingApiPaths.VideoFile, Serve)
            .AllowAnonymous()
            .WithName("GetVideoFile")
            .WithSummary("A lesson's uploaded video; answers range requests (206) so a phone can seek and resume.")
            .WithDescription("Anyone. {file} is a name from a lesson's videoUrl. Cached for a year: the address names the content.")
            .Produces(StatusCodes.Status200OK, contentType: "video/mp4")
            .Produces(StatusCodes.Status206PartialContent, contentType: "video/mp4")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<LessonResponse>> UploadAsync(
        Guid courseId, Guid lessonId, IFormFile? file, ClaimsPrincipal caller, TrainingDbContext db, IFileStore files,
        IOptions<TrainingOptions> options, CancellationToken cancellationToken)
    {
        var course = await db.FindOwnCourseAsync(caller, courseId, cancellationToken);
        var video = await StoreAsync(file, files, options.Value.MaxVideoBytes, cancellationToken);
        course.AttachVideo(lessonId, video);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(course.LessonById(lessonId)!.ToResponse());
    }

    /// <summary>
    /// Checks the upload is a video by its first bytes, then stores it under its SHA-256 (streamed, never held in
    /// memory). A failed save leaves an unused file named by its content, which the same upload later reuses.
    /// </summary>
    public static async Task<LessonVideo> StoreAsync(IFormFile? file, IFileStore files, long maxBytes, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            throw new RequestValidationException("file", "Choose a video to upload.");
        }

        if (file.Length > maxBytes)
        {
            throw new RequestValidationException("file", $"A video may be at most {maxBytes / (1024 * 1024)} MB.");
        }

        string hash;
        var head = new byte[64];
        await using (var stream = file.OpenReadStream())
        {
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            head = head[..read];
            stream.Position = 0;
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }

        var (extension, contentType) = Sniff(head)
            ?? throw new RequestValidationException("file", "The file is not an MP4 or WebM video.");
        double? length;
        await using (var stream = file.OpenReadStream())
        {
            length = VideoLength.ReadSeconds(stream, extension);
        }

        if (length is not { } seconds)
        {
            throw new RequestValidationException("file", "The video's length cannot be read from the file: save it again as MP4 or WebM and upload that.");
        }

        var fileName = $"{hash}.{extension}";
        await using (var stream = file.OpenReadStream())
        {
            await files.SaveAsync(VideoKey(fileName), stream, cancellationToken);
        }

        return LessonVideo.Uploaded(fileName, contentType, file.Length, Math.Max(1, (int)Math.Round(seconds, MidpointRounding.AwayFromZero)));
    }

    /// <summary>MP4 (an ISO media file: a <c>ftyp</c> box first) or WebM (an EBML header whose document type is <c>webm</c>).</summary>
    internal static (string Extension, string ContentType)? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return ("mp4", "video/mp4");
        }

        if (head.Length >= 8 && head[..4].SequenceEqual((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) && head.IndexOf("webm"u8) > 0)
        {
            return ("webm", "video/webm");
        }

        return null;
    }

    internal static IResult Serve(string file, HttpContext http, IFileStore files)
    {
        var match = VideoFileName().Match(file);
        var contentType = match.Groups["ext"].Value == "webm" ? "video/webm" : "video/mp4";
        return StoredFiles.Serve(files, match.Success ? VideoKey(file) : null, file, contentType, "Video", http);
    }

    private static string VideoKey(string fileName) => StoredFiles.Key("training/videos", fileName);

    [GeneratedRegex("^[0-9a-f]{64}\\.(?<ext>mp4|webm)$")]
    private static partial Regex VideoFileName();
}
