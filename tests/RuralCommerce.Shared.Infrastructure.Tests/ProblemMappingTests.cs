using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Shared.Infrastructure.Messaging;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Tests;

public sealed class ProblemMappingTests
{
    public static TheoryData<Exception, int> Cases => new()
    {
        { new RequestValidationException("phone", "Not a mobile number."), StatusCodes.Status400BadRequest },
        { new BadHttpRequestException("Malformed JSON."), StatusCodes.Status400BadRequest },
        { new BadHttpRequestException("Too large.", StatusCodes.Status413PayloadTooLarge), StatusCodes.Status413PayloadTooLarge },
        { new SmsDeliveryException("Gateway down."), StatusCodes.Status503ServiceUnavailable },
        { new RuralCommerce.Shared.Infrastructure.Idempotency.IdempotencyKeyReusedException("Other body."), StatusCodes.Status422UnprocessableEntity },
        { new NotFoundException("Cooperative", Guid.Empty), StatusCodes.Status404NotFound },
        { new BusinessRuleValidationException(new AlwaysBrokenRule()), StatusCodes.Status409Conflict },
        { new ConflictException("DuplicatePhone", "Duplicate phone."), StatusCodes.Status409Conflict },
        { new DbUpdateConcurrencyException("Stale."), StatusCodes.Status409Conflict },
        { new DbUpdateException("Unique index."), StatusCodes.Status409Conflict },
        { new AuthenticationFailedException("Wrong password."), StatusCodes.Status401Unauthorized },
        { new TooManyAttemptsException("Locked.", TimeSpan.FromMinutes(1)), StatusCodes.Status429TooManyRequests },
        { new InvalidOperationException("Bug."), StatusCodes.Status500InternalServerError },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_kind_of_failure_gets_its_status(Exception exception, int status)
    {
        Assert.Equal(status, ApiExceptionHandler.ToProblem(exception).Status);
    }

    [Fact]
    public void Validation_failures_carry_the_field_errors()
    {
        var problem = ApiExceptionHandler.ToProblem(new RequestValidationException("phone", "Not a mobile number."));

        var validation = Assert.IsType<ValidationProblemDetails>(problem);
        Assert.Equal(["Not a mobile number."], validation.Errors["phone"]);
    }

    [Fact]
    public void A_broken_rule_names_the_rule()
    {
        var problem = ApiExceptionHandler.ToProblem(new BusinessRuleValidationException(new AlwaysBrokenRule()));

        Assert.Equal(nameof(AlwaysBrokenRule), problem.Extensions["rule"]);
        Assert.Equal("Never allowed.", problem.Detail);
    }

    [Fact]
    public void A_conflict_names_its_reason()
    {
        var problem = ApiExceptionHandler.ToProblem(new ConflictException("PhoneNotVerified", "Verify the number first."));

        Assert.Equal("PhoneNotVerified", problem.Extensions["reason"]);
        Assert.Equal("Verify the number first.", problem.Detail);
    }

    [Fact]
    public void An_unexpected_failure_reveals_nothing_of_its_cause()
    {
        var problem = ApiExceptionHandler.ToProblem(new InvalidOperationException("connection string with a password"));

        Assert.Null(problem.Detail);
    }

    [Theory]
    [InlineData(0, 20, "page")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, 101, "pageSize")]
    public void Paging_outside_its_bounds_is_a_validation_error(int page, int pageSize, string field)
    {
        var error = Assert.Throws<RequestValidationException>(() => PageRequest.From(page, pageSize));

        Assert.Contains(field, error.Errors.Keys);
    }

    [Fact]
    public void Paging_defaults_to_the_first_page_of_twenty()
    {
        var request = PageRequest.From(null, null);

        Assert.Equal(new PageRequest(1, 20), request);
        Assert.Equal(40, PageRequest.From(3, 20).Skip);
    }

    private sealed class AlwaysBrokenRule : IBusinessRule
    {
        public string Message => "Never allowed.";

        public bool IsBroken() => true;
    }
}
