using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Domain.Courses;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.Quiz;

/// <summary>One multiple-choice question: 2 to 6 options, <see cref="CorrectOption"/> the index (from 0) of the right one.</summary>
internal sealed record QuizQuestionRequest(
    [property: Required, MaxLength(500)] string? Text,
    [property: Required] IReadOnlyList<string>? Options,
    [property: Required] int? CorrectOption);

internal sealed record QuizRequest([property: Required] IReadOnlyList<QuizQuestionRequest>? Questions, [property: Range(1, 100)] int? PassMarkPercent);

internal static class QuizEndpoints
{
    public static void MapQuiz(this IEndpointRouteBuilder group) =>
        group.MapPut(TrainingApiPaths.Quiz, SetAsync)
            .RequireAuthorization(AuthorizationPolicies.Trainer)
            .WithName("SetQuiz")
            .WithSummary("The trainer sets the course's final quiz: multiple-choice questions and a pass mark in %.")
            .WithDescription("Only the course's trainer, while the course is a draft (409 after). Replaces the whole quiz; no questions removes it. " +
                "Up to 30 questions of 2 to 6 options each; passMarkPercent (1–100) is required with questions.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<CourseResponse>> SetAsync(
        Guid courseId, QuizRequest request, ClaimsPrincipal caller, TrainingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var questions = new List<QuizQuestionContent>();
        var given = request.Questions ?? [];
        errors.Require(request.Questions is not null, "questions", "questions is required (an empty list removes the quiz).");
        errors.Require(given.Count <= Course.MaxQuestions, "questions", $"A quiz has at most {Course.MaxQuestions} questions.");
        errors.Require(given.Count == 0 || request.PassMarkPercent is >= 1 and <= 100, "passMarkPercent", "passMarkPercent must be from 1 to 100.");
        for (var i = 0; i < given.Count; i++)
        {
            var field = $"questions[{i}]";
            if (!errors.Require(given[i] is not null, field, "Each question has a text, options and a correct option."))
            {
                continue;
            }

            var text = errors.RequireText(given[i].Text, $"{field}.text", 500);
            var options = (given[i].Options ?? []).Select(o => o?.Trim() ?? "").ToList();
            var optionsValid = errors.Require(options.Count is >= 2 and <= 6 && options.All(o => o.Length is > 0 and <= 200),
                $"{field}.options", "A question has 2 to 6 options, each 1 to 200 characters.");
            errors.Require(!optionsValid || given[i].CorrectOption is { } right && right >= 0 && right < options.Count,
                $"{field}.correctOption", "correctOption is the index (from 0) of one of the options.");
            if (optionsValid && given[i].CorrectOption is { } correct)
            {
                questions.Add(new QuizQuestionContent(text, options, correct));
            }
        }

        errors.ThrowIfAny();
        var course = await db.FindOwnCourseAsync(caller, courseId, cancellationToken);
        course.SetQuiz(questions, request.PassMarkPercent, () => NewId.Next(clock));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(course.ToResponse(forTrainer: true));
    }
}
