using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Cooperatives.Features.ExportMembers;

internal static class ExportMembersEndpoint
{
    private static readonly string[] Header = ["MemberId", "Name", "Phone", "Village", "IdCardNumber", "Status", "Roles", "Shares", "JoinedOn"];

    public static void MapExportMembers(this IEndpointRouteBuilder group) =>
        group.MapGet(CooperativesApiPaths.MembersExport, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("ExportMembers")
            .WithDescription("Cooperative administrators. The same filters as the register; streamed, so a register of any size downloads; ID card numbers masked, formula-like cells defused.")
            .WithSummary("The member register as CSV (UTF-8 with BOM, opens in Excel/WPS), with the same filters as the list; ID cards masked.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>The register page's export link: the same CSV, its headers in the page's language, for the page cookie.</summary>
    public static void MapExportMembersPage(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(PagePath, (
                Guid cooperativeId, [OneOfNames(typeof(MemberStatus))] string? status, [OneOfNames(typeof(Contracts.MemberRoles))] string? role, string? village, string? q, CooperativesDbContext db, HttpContext http,
                IStringLocalizer<CooperativesText> text, CancellationToken cancellationToken) =>
                WriteAsync(cooperativeId, new MemberFilter(Blank(status), Blank(role), Blank(village), Blank(q)), [.. Header.Select(h => text[$"Csv.{h}"].Value)], db, http, cancellationToken))
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .ExcludeFromDescription();

    public const string PagePath = "/cooperatives/{cooperativeId:guid}/members.csv";

    /// <summary>The register page's filter form sends every field, empty or not: empty means any.</summary>
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static Task HandleAsync(
        Guid cooperativeId, [OneOfNames(typeof(MemberStatus))] string? status, [OneOfNames(typeof(Contracts.MemberRoles))] string? role, string? village, string? q, CooperativesDbContext db, HttpContext http,
        CancellationToken cancellationToken) =>
        WriteAsync(cooperativeId, new MemberFilter(status, role, village, q), Header, db, http, cancellationToken);

    private static async Task WriteAsync(
        Guid cooperativeId, MemberFilter filter, IReadOnlyList<string> header, CooperativesDbContext db, HttpContext http,
        CancellationToken cancellationToken)
    {
        await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var query = filter.Apply(db.Members, cooperativeId).ToRows();

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"members-{cooperativeId:N}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync(string.Join(',', header.Select(CsvDownload.Cell)));
        await foreach (var row in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var m = row.ToResponse();
            await writer.WriteLineAsync(string.Join(',', new[]
            {
                m.MemberId.ToString(), m.Name, m.Phone, m.Village, m.IdCardNumber ?? "", m.Status, string.Join(' ', m.Roles),
                m.Shares.ToString(CultureInfo.InvariantCulture), m.JoinedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            }.Select(CsvDownload.Cell)));
        }
    }
}
