using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.IncomeTracking.Domain.Ledger;
using RuralCommerce.IncomeTracking.Domain.Months;
using RuralCommerce.IncomeTracking.Domain.Statements;
using RuralCommerce.IncomeTracking.Features.Common;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.IncomeTracking.Features.Statements;

/// <summary>
/// One seller's statement for a month, in yuan: gross completed sales by channel, commission, refunds after completion
/// (and reversed sales), manual entries (offline sales, wages, other), subsidies, and what the cooperative pays out:
/// the platform sales less commission and refunds.
/// </summary>
internal sealed record StatementResponse(
    Guid StatementId, Guid SellerId, string? SellerName, string Month, decimal ShopGross, decimal LivestreamGross, decimal ImportedGross,
    decimal Commission, decimal Refunds, decimal ManualEntries, decimal Subsidies, decimal NetPayable, DateTimeOffset GeneratedAt,
    DateTimeOffset? PaidAt, string? PayoutReference);

/// <summary>A month's statements: how many the run wrote now and how many existed already, with the month's totals.</summary>
internal sealed record StatementRunResponse(string Month, int Generated, int AlreadyGenerated, decimal NetPayable, int Paid);

internal sealed record StatementsPage(string Month, IReadOnlyList<StatementResponse> Items, int Page, int PageSize, int TotalCount, decimal NetPayable);

internal sealed record PaymentRequest([property: Required, MaxLength(100)] string? PayoutReference);

internal static class StatementsEndpoints
{
    public static void MapStatements(this IEndpointRouteBuilder group)
    {
        group.MapPost(IncomeTrackingApiPaths.StatementsOfMonth, GenerateAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("GenerateStatements")
            .WithSummary("The cooperative's administrator generates the members' statements for a closed month (yyyy-MM).")
            .WithDescription("One statement per member with entries posted in the month (China time). 409 for the current or a future month. " +
                "Generating again writes only the missing ones: a generated statement never changes, and an entry posted later (a late " +
                "refund) lands in the month it is posted.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(IncomeTrackingApiPaths.StatementsOfMonth, ListMonthAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("ListStatements")
            .WithSummary("A month's statements of the cooperative, by member name, with the month's net payable.")
            .WithDescription("Paged (page, pageSize up to 100). Unpaid only with unpaid=true.")
            .ProducesValidationProblem();
        group.MapPost(IncomeTrackingApiPaths.StatementPayment, PayAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("MarkStatementPaid")
            .WithSummary("Marks a statement paid with the payout's reference (a bank transfer or WeChat Pay number).")
            .WithDescription("Once: 409 when it is already paid (the reference stays the first one).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(IncomeTrackingApiPaths.MemberStatements, ListMineAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("SellerStatements")
            .WithSummary("A seller's statements, newest month first.")
            .WithDescription("The member themselves, or the cooperative's administrators (403 otherwise). Up to 60 months.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<StatementRunResponse>> GenerateAsync(
        Guid cooperativeId, string month, IncomeTrackingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var closed = RequireMonth(month);
        var now = clock.GetUtcNow();
        if (closed >= Month.Of(now))
        {
            throw new ConflictException("MonthNotClosed", "Statements are generated for a closed month: one that ended before this month began (China time).");
        }

        var start = Month.Start(closed);
        var end = Month.Start(closed + 1);
        var sums = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.CooperativeId == cooperativeId && e.PostedAt >= start && e.PostedAt < end)
            .GroupBy(e => new { e.SellerId, e.Source })
            .Select(g => new
            {
                g.Key.SellerId,
                g.Key.Source,
                Sales = g.Sum(e => e.GrossFen > 0 ? e.GrossFen : 0),
                Refunds = g.Sum(e => e.GrossFen < 0 ? -e.GrossFen : 0),
                Commission = g.Sum(e => e.CommissionFen),
                Amount = g.Sum(e => e.AmountFen),
            })
            .ToListAsync(cancellationToken);
        var existing = await db.Statements.Where(s => s.CooperativeId == cooperativeId && s.Month == closed).Select(s => s.SellerId)
            .ToListAsync(cancellationToken);
        var generated = 0;
        foreach (var seller in sums.GroupBy(s => s.SellerId).Where(g => !existing.Contains(g.Key)))
        {
            long Sales(IncomeSource source) => seller.Where(s => s.Source == source).Sum(s => s.Sales);
            var platform = seller.Where(s => s.Source is IncomeSource.Shop or IncomeSource.Livestream or IncomeSource.Imported).ToList();
            var figures = new StatementFigures(
                Sales(IncomeSource.Shop), Sales(IncomeSource.Livestream), Sales(IncomeSource.Imported), platform.Sum(s => s.Commission),
                platform.Sum(s => s.Refunds),
                seller.Where(s => s.Source is IncomeSource.OfflineSale or IncomeSource.Wages or IncomeSource.Other).Sum(s => s.Amount),
                seller.Where(s => s.Source == IncomeSource.Subsidy).Sum(s => s.Amount),
                platform.Sum(s => s.Amount));
            db.Statements.Add(Statement.Generate(NewId.Next(clock), seller.Key, cooperativeId, closed, figures, now));
            generated++;
        }

        // Two runs at once: the unique (seller, month) index refuses the second copy (409), the first run's stand.
        await db.SaveChangesAsync(cancellationToken);
        var totals = await db.Statements.AsNoTracking().Where(s => s.CooperativeId == cooperativeId && s.Month == closed)
            .GroupBy(_ => 1).Select(g => new { Net = g.Sum(s => s.NetPayableFen), Paid = g.Count(s => s.PaidAt != null) })
            .SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new StatementRunResponse(Month.Label(closed), generated, existing.Count, Yuan.Of(totals?.Net ?? 0), totals?.Paid ?? 0));
    }

    internal static async Task<Ok<StatementsPage>> ListMonthAsync(
        Guid cooperativeId, string month, bool? unpaid, [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize, IncomeTrackingDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var valid = Month.TryParse(month, out var wanted);
        errors.Require(valid, "month", "month is yyyy-MM.");
        var paging = PageRequest.From(page, pageSize);
        errors.ThrowIfAny();

        var statements = db.Statements.AsNoTracking().Where(s => s.CooperativeId == cooperativeId && s.Month == wanted);
        if (unpaid == true)
        {
            statements = statements.Where(s => s.PaidAt == null);
        }

        var total = await statements.CountAsync(cancellationToken);
        var net = await statements.SumAsync(s => s.NetPayableFen, cancellationToken);
        var rows = await (
                from s in statements
                join seller in db.Sellers on s.SellerId equals seller.Id into named
                from seller in named.DefaultIfEmpty()
                orderby seller.Name, s.SellerId
                select new { Statement = s, Name = seller == null ? null : seller.Name })
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new StatementsPage(
            Month.Label(wanted), rows.Select(r => r.Statement.ToResponse(r.Name)).ToList(), paging.Page, paging.PageSize, total, Yuan.Of(net)));
    }

    internal static async Task<Ok<StatementResponse>> PayAsync(
        Guid cooperativeId, string month, Guid statementId, PaymentRequest request, ClaimsPrincipal caller, IncomeTrackingDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var reference = errors.RequireText(request.PayoutReference, "payoutReference", 100);
        errors.ThrowIfAny();
        var wanted = RequireMonth(month);
        var statement = await db.Statements.SingleOrDefaultAsync(
                            s => s.Id == statementId && s.CooperativeId == cooperativeId && s.Month == wanted, cancellationToken)
                        ?? throw new NotFoundException("Statement", statementId);
        statement.MarkPaid(reference, caller.AccountId(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(statement.ToResponse(null));
    }

    internal static async Task<Ok<IReadOnlyList<StatementResponse>>> ListMineAsync(
        Guid cooperativeId, Guid memberId, ClaimsPrincipal caller, IncomeTrackingDbContext db, CancellationToken cancellationToken)
    {
        await caller.RequireOwnOrAdministeredMemberAsync(db, cooperativeId, memberId, cancellationToken);

        var statements = await db.Statements.AsNoTracking().Where(s => s.SellerId == memberId && s.CooperativeId == cooperativeId)
            .OrderByDescending(s => s.Month).Take(60).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<StatementResponse>>(statements.Select(s => s.ToResponse(null)).ToList());
    }

    private static int RequireMonth(string month)
    {
        var errors = new ValidationErrors();
        var valid = Month.TryParse(month, out var parsed);
        errors.Require(valid, "month", "month is yyyy-MM.");
        errors.ThrowIfAny();
        return parsed;
    }

    private static StatementResponse ToResponse(this Statement s, string? sellerName) => new(
        s.Id, s.SellerId, sellerName, Month.Label(s.Month), Yuan.Of(s.ShopGrossFen), Yuan.Of(s.LivestreamGrossFen), Yuan.Of(s.ImportedGrossFen),
        Yuan.Of(s.CommissionFen), Yuan.Of(s.RefundsFen), Yuan.Of(s.ManualFen), Yuan.Of(s.SubsidyFen), Yuan.Of(s.NetPayableFen), s.GeneratedAt,
        s.PaidAt, s.PayoutReference);
}
