using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.TakeQuiz;

internal sealed record QuizAnswer([property: Required] Guid? QuestionId, [property: Required] int? Option);

internal sealed record QuizAttemptRequest([property: Required] IReadOnlyList<QuizAnswer>? Answers);

internal sealed record QuizAttemptResponse(int ScorePercent, int PassMarkPercent, bool Passed, int Right, int Questions, EnrolmentResponse Enrolment);

internal static class TakeQuizEndpoint
{
    public static void MapTakeQuiz(this IEndpointRouteBuilder group) =>
        group.MapPost(TrainingApiPaths.QuizAttempts, HandleAsync)
            .RequireAuthorization()
            .WithName("AttemptQuiz")
            .WithSummary("The learner answers the course's final quiz; passing it (with every lesson watched) completes the course.")
            .WithDescription("Only the learner's own enrolment (404 otherwise), once every lesson is completed (409 before). One answer per " +
                "question (option: index from 0); an unanswered question counts wrong, an unknown question or option is 400. Attempts are " +
                "unlimited; the best score is kept.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<QuizAttemptResponse>> HandleAsync(
        Guid enrolmentId, QuizAttemptRequest request, ClaimsPrincipal caller, TrainingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(request.Answers is not null, "answers", "answers is required.");
        errors.ThrowIfAny();

        var enrolment = await db.FindOwnEnrolmentAsync(caller, enrolmentId, cancellationToken);
        var course = await db.FindCourseAsync(enrolment.CourseId.Value, cancellationToken);
        var questions = course.Questions.ToDictionary(q => q.Id);
        var answers = new Dictionary<Guid, int>();
        for (var i = 0; i < request.Answers!.Count; i++)
        {
            var answer = request.Answers[i];
            if (answer is not { QuestionId: { } questionId } || !questions.TryGetValue(questionId, out var question))
            {
                errors.Add($"answers[{i}].questionId", "This question is not part of the course's quiz.");
            }
            else if (answer.Option is not { } option || option < 0 || option >= question.Options.Count)
            {
                errors.Add($"answers[{i}].option", $"option is the index (from 0) of one of the question's {question.Options.Count} options.");
            }
            else if (!answers.TryAdd(questionId, option))
            {
                errors.Add($"answers[{i}].questionId", "Each question is answered once.");
            }
        }

        errors.ThrowIfAny();
        var result = enrolment.AttemptQuiz(course, answers, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new QuizAttemptResponse(
            result.ScorePercent, result.PassMarkPercent, result.Passed, result.Right, result.Questions, enrolment.ToResponse(course)));
    }
}
