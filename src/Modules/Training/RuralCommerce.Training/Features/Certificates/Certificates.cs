using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Domain.Enrolments;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.Certificates;

/// <summary>What a certificate's public page shows: the learner's name partly masked, the course, the trainer, the date, whether it was revoked.</summary>
internal sealed record CertificateVerification(
    string Code, string LearnerName, string CourseTitle, string Topic, string TrainerName, DateOnly CompletedOn, bool Revoked,
    DateTimeOffset? RevokedAt, string? RevocationReason, string VerificationUrl);

/// <summary>One of the learner's own certificates (their full name: it is theirs).</summary>
internal sealed record MyCertificate(
    string Code, Guid EnrolmentId, Guid CourseId, string LearnerName, string CourseTitle, string Topic, string TrainerName, DateOnly CompletedOn,
    bool Revoked, string? RevocationReason, string VerificationUrl, string QrCodeUrl);

internal sealed record RevokeCertificateRequest([property: Required, MaxLength(200)] string? Reason);

internal static class CertificatesEndpoints
{
    public static void MapCertificates(this IEndpointRouteBuilder group)
    {
        group.MapGet(TrainingApiPaths.Certificate, VerifyAsync)
            .AllowAnonymous()
            .WithName("VerifyCertificate")
            .WithSummary("Anyone checks a certificate by its code: whose (name partly masked), which course, which trainer, when; or that it was revoked.")
            .WithDescription("Anyone, without signing in. The code is matched whatever its case, with or without dashes. An unknown code is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet(TrainingApiPaths.CertificateQrPng, QrPngAsync)
            .AllowAnonymous()
            .WithName("CertificateQrPng")
            .WithSummary("The certificate's QR code as a PNG: it opens the public verification page.")
            .WithDescription("Anyone. The code holds the page's absolute address (Training:PublicBaseUrl, else the address the request came to).")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet(TrainingApiPaths.MyCertificates, MineAsync)
            .RequireAuthorization()
            .WithName("MyCertificates")
            .WithSummary("The caller's certificates, newest first, revoked ones marked.")
            .WithDescription("Any signed-in account.");
        group.MapPost(TrainingApiPaths.Revocation, RevokeAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .WithName("RevokeCertificate")
            .WithSummary("The course's trainer revokes a learner's certificate, with a reason; its page then says so.")
            .WithDescription("Only the course's trainer. 409 when the learner has no certificate or it is already revoked.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Ok<CertificateVerification>> VerifyAsync(
        string code, HttpContext http, TrainingDbContext db, IOptions<TrainingOptions> options, CancellationToken cancellationToken)
    {
        var enrolment = await db.FindByCertificateAsync(code, cancellationToken);
        var course = await db.FindCourseAsync(enrolment.CourseId.Value, cancellationToken);
        var certificate = enrolment.Certificate!;
        return TypedResults.Ok(new CertificateVerification(
            certificate.Code, LearnerNames.Masked(enrolment.LearnerName), course.Title, course.Topic, course.TrainerName,
            ChinaTime.Today(certificate.IssuedAt), certificate.IsRevoked, certificate.RevokedAt, certificate.RevocationReason,
            VerificationUrl(http, options.Value, certificate.Code)));
    }

    internal static async Task<IResult> QrPngAsync(
        string code, HttpContext http, TrainingDbContext db, IOptions<TrainingOptions> options, CancellationToken cancellationToken)
    {
        var enrolment = await db.FindByCertificateAsync(code, cancellationToken);
        return TypedResults.File(PublicLinks.QrPng(VerificationUrl(http, options.Value, enrolment.Certificate!.Code)), "image/png");
    }

    internal static async Task<Ok<IReadOnlyList<MyCertificate>>> MineAsync(
        ClaimsPrincipal caller, HttpContext http, TrainingDbContext db, IOptions<TrainingOptions> options, CancellationToken cancellationToken)
    {
        var accountId = caller.AccountId();
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.AccountId == accountId && e.Certificate != null)
            .OrderByDescending(e => e.CompletedAt).Take(100).ToListAsync(cancellationToken);
        var courseIds = enrolments.Select(e => e.CourseId).Distinct().ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<MyCertificate>>(enrolments.Select(e =>
        {
            var course = courses[e.CourseId];
            var certificate = e.Certificate!;
            return new MyCertificate(
                certificate.Code, e.Id.Value, course.Id.Value, e.LearnerName, course.Title, course.Topic, course.TrainerName,
                ChinaTime.Today(certificate.IssuedAt), certificate.IsRevoked, certificate.RevocationReason,
                VerificationUrl(http, options.Value, certificate.Code), TrainingApiPaths.Url(TrainingApiPaths.CertificateQrPng, certificate.Code));
        }).ToList());
    }

    internal static async Task<NoContent> RevokeAsync(
        Guid courseId, Guid enrolmentId, RevokeCertificateRequest request, ClaimsPrincipal caller, TrainingDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var reason = errors.RequireText(request.Reason, "reason", 200);
        errors.ThrowIfAny();

        var course = await db.FindOwnCourseAsync(caller, courseId, cancellationToken);
        var id = new EnrolmentId(enrolmentId);
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == id && e.CourseId == course.Id, cancellationToken)
                        ?? throw new NotFoundException("Enrolment", enrolmentId);
        enrolment.RevokeCertificate(reason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The public page's path for a certificate code.</summary>
    public static string PagePath(string code) => $"/certificates/{code}";

    /// <summary>The absolute address of a certificate's public page, on the configured public address or the one the request came to.</summary>
    public static string VerificationUrl(HttpContext http, TrainingOptions options, string code) =>
        PublicLinks.Absolute(http, options.PublicBaseUrl, PagePath(code));

    private static async Task<Enrolment> FindByCertificateAsync(this TrainingDbContext db, string code, CancellationToken cancellationToken)
    {
        var normalised = Certificate.Normalise(code) ?? throw new NotFoundException("Certificate", code);
        return await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.Certificate!.Code == normalised, cancellationToken)
               ?? throw new NotFoundException("Certificate", code);
    }
}
