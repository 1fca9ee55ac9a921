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
using RuralCommerce.Training.Domain.Courses;
using RuralCommerce.Training.Domain.Enrolments;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.EnrolLearners;

/// <summary>A farmer the trainer enrols: name, mobile number, village.</summary>
internal sealed record EnrolLearnerRequest(
    [property: Required, MaxLength(50)] string? Name,
    [property: Required, MaxLength(32), RegularExpression(ApiPatterns.Phone)] string? Phone,
    [property: MaxLength(50)] string? Village);

/// <summary>What became of one CSV row: Enrolled, AlreadyEnrolled, InvalidPhone, MissingName, DuplicateInFile or CourseFull.</summary>
internal sealed record EnrolmentRowReport(int Row, string Name, string Phone, string Outcome, Guid? EnrolmentId);

internal sealed record BulkEnrolmentReport(int Rows, int Enrolled, int AlreadyEnrolled, int Refused, IReadOnlyList<EnrolmentRowReport> Report);

/// <summary>The trainer's view of one enrolment (the learner's full phone: the trainer enrolled it).</summary>
internal sealed record LearnerResponse(Guid EnrolmentId, string Name, string Phone, string Village, Guid? AccountId, Guid? MemberId, string Status, DateTimeOffset EnrolledAt);

internal static class EnrolLearnersEndpoints
{
    private const long CsvBodyLimit = 2 * 1024 * 1024;

    public static void MapEnrolLearners(this IEndpointRouteBuilder group)
    {
        group.MapPost(TrainingApiPaths.Learners, EnrolOneAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .WithName("EnrolLearner")
            .WithSummary("The trainer enrols one farmer by name, phone and village, account or not.")
            .WithDescription("Only the course's trainer, in a published course while its window is open and it has room (409). A phone already " +
                "enrolled is 409 AlreadyEnrolled. The farmer's enrolment joins their account when they verify that phone, and carries their " +
                "member id when the phone is a cooperative member's.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(TrainingApiPaths.LearnerImports, EnrolManyAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .DisableAntiforgery()
            .WithRequestBodyLimit(CsvBodyLimit)
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("EnrolLearnersFromCsv")
            .WithSummary("The trainer enrols up to 5,000 farmers from a CSV (name, phone, village), with a report for each row.")
            .WithDescription("Only the course's trainer, in a published course while its window is open (409). The file (form field \"file\") is " +
                "UTF-8 or GB18030; a first row that names the columns is skipped. Each row is Enrolled, AlreadyEnrolled, InvalidPhone, " +
                "MissingName, DuplicateInFile, or CourseFull once the capacity is reached; the other rows still enrol. Uploading the same file " +
                "again enrols nobody twice.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    internal static async Task<Created<LearnerResponse>> EnrolOneAsync(
        Guid courseId, EnrolLearnerRequest request, ClaimsPrincipal caller, TrainingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = errors.RequireText(request.Name, "name", 50);
        var phone = errors.RequirePhone(request.Phone);
        var village = errors.OptionalText(request.Village, "village", 50) ?? "";
        errors.ThrowIfAny();

        var course = await db.FindOwnCourseAsync(caller, courseId, cancellationToken);
        course.CheckOpenForEnrolment(clock.GetUtcNow());
        var report = await EnrolAsync(db, course, [new Candidate(1, name, phone.Value, village)], EnrolmentSource.Trainer, clock, cancellationToken);
        var row = report.Single();
        return row.Outcome switch
        {
            Outcomes.Enrolled => TypedResults.Created(
                TrainingApiPaths.Url(TrainingApiPaths.Roster, courseId),
                new LearnerResponse(row.EnrolmentId!.Value, name, phone.Value, village, null, null, nameof(EnrolmentStatus.InProgress), clock.GetUtcNow())),
            Outcomes.CourseFull => throw new BusinessRuleValidationException(new ACohortIsNotOverfilledRule(course)),
            _ => throw new ConflictException("AlreadyEnrolled", "This phone is already enrolled in the course."),
        };
    }

    internal static async Task<Ok<BulkEnrolmentReport>> EnrolManyAsync(
        Guid courseId, IFormFile? file, ClaimsPrincipal caller, TrainingDbContext db, IOptions<TrainingOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            throw new RequestValidationException("file", "Choose a CSV file of farmers: name, phone, village.");
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        var candidates = Candidates(CsvText.Decode(content.ToArray()), options.Value.MaxBulkRows);

        var course = await db.FindOwnCourseAsync(caller, courseId, cancellationToken);
        course.CheckOpenForEnrolment(clock.GetUtcNow());
        var report = await EnrolAsync(db, course, candidates, EnrolmentSource.Bulk, clock, cancellationToken);
        return TypedResults.Ok(new BulkEnrolmentReport(
            report.Count, report.Count(r => r.Outcome == Outcomes.Enrolled), report.Count(r => r.Outcome == Outcomes.AlreadyEnrolled),
            report.Count(r => r.Outcome is not (Outcomes.Enrolled or Outcomes.AlreadyEnrolled)), report));
    }

    private sealed record Candidate(int Row, string Name, string Phone, string Village);

    private static class Outcomes
    {
        public const string Enrolled = "Enrolled";
        public const string AlreadyEnrolled = "AlreadyEnrolled";
        public const string InvalidPhone = "InvalidPhone";
        public const string MissingName = "MissingName";
        public const string DuplicateInFile = "DuplicateInFile";
        public const string CourseFull = "CourseFull";
    }

    private static List<Candidate> Candidates(string text, int maxRows)
    {
        var candidates = new List<Candidate>();
        var number = 0;
        foreach (var cells in CsvText.Records(text))
        {
            number++;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var phoneCell = cells.Count > 1 ? cells[1].Trim() : "";
            var isHeader = number == 1 && !phoneCell.Any(char.IsAsciiDigit);
            if (!isHeader)
            {
                candidates.Add(new Candidate(number, cells[0].Trim(), phoneCell, cells.Count > 2 ? cells[2].Trim() : ""));
            }
        }

        return candidates.Count switch
        {
            0 => throw new RequestValidationException("file", "The file holds no farmers: one row each, name, phone, village."),
            _ when candidates.Count > maxRows => throw new RequestValidationException("file", $"One file enrols at most {maxRows} farmers; split it."),
            _ => candidates,
        };
    }

    /// <summary>Enrols the candidates in row order, taking places atomically; one save (and one transaction) for them all.</summary>
    private static async Task<List<EnrolmentRowReport>> EnrolAsync(
        TrainingDbContext db, Course course, IReadOnlyList<Candidate> candidates, EnrolmentSource source, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<int, (string Outcome, PhoneNumber? Phone)>();
        var seen = new HashSet<PhoneNumber>();
        foreach (var candidate in candidates)
        {
            outcomes[candidate.Row] = !PhoneNumber.TryParse(candidate.Phone, out var phone) ? (Outcomes.InvalidPhone, null)
                : candidate.Name.Length is 0 or > 50 ? (Outcomes.MissingName, phone)
                : !seen.Add(phone) ? (Outcomes.DuplicateInFile, phone)
                : ("", phone);
        }

        var phones = outcomes.Values.Where(o => o.Outcome == "").Select(o => o.Phone!.Value).ToList();
        var known = await db.IdentifyAsync(phones, cancellationToken);
        var now = clock.GetUtcNow();
        var report = new List<EnrolmentRowReport>();
        var writes = await db.BeginWritesAsync(cancellationToken);
        await using (writes)
        {
            var enrolled = await db.EnrolledAsync(course.Id, phones, cancellationToken);
            var places = await db.TakePlacesAsync(course.Id, phones.Count(p => !enrolled.ContainsKey(p)), cancellationToken);
            foreach (var candidate in candidates)
            {
                var (outcome, phone) = outcomes[candidate.Row];
                Guid? enrolmentId = null;
                if (outcome == "" && enrolled.ContainsKey(phone!.Value))
                {
                    outcome = Outcomes.AlreadyEnrolled;
                }
                else if (outcome == "" && places == 0)
                {
                    outcome = Outcomes.CourseFull;
                }
                else if (outcome == "")
                {
                    places--;
                    var village = candidate.Village.Length <= 50 ? candidate.Village : candidate.Village[..50];
                    var number = phone!.Value;
                    var enrolment = Enrolment.Enrol(new EnrolmentId(NewId.Next(clock)), course,
                        Enrolling.LearnerFor(candidate.Name, number, village, known[number]), source, now);
                    db.Enrolments.Add(enrolment);
                    (outcome, enrolmentId) = (Outcomes.Enrolled, enrolment.Id.Value);
                }

                report.Add(new EnrolmentRowReport(candidate.Row, candidate.Name, phone?.Masked ?? candidate.Phone, outcome, enrolmentId));
            }

            await db.CommitWritesAsync(writes, cancellationToken);
        }

        return report;
    }
}
