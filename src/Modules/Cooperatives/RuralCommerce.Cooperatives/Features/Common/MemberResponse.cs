using Microsoft.EntityFrameworkCore;
using RuralCommerce.Cooperatives.Domain.Members;

namespace RuralCommerce.Cooperatives.Features.Common;

/// <summary>A member as every endpoint shows one: the ID card number is always masked.</summary>
internal sealed record MemberResponse(
    Guid MemberId, Guid CooperativeId, string Name, string Phone, string Village, string? IdCardNumber, string Status,
    IReadOnlyList<string> Roles, int Shares, DateOnly? JoinedOn, DateTimeOffset AppliedAt);

internal static class MemberProjection
{
    public static MemberResponse ToResponse(this Member member) => new(
        member.Id.Value, member.CooperativeId.Value, member.Name, member.Phone.Value, member.Village, member.IdCardNumber?.Masked,
        member.Status.ToString(), member.Roles.Names, member.Shares, member.JoinedOn, member.AppliedAt);

    /// <summary>Lists read just the columns they show, never whole aggregates.</summary>
    public static IQueryable<MemberRow> ToRows(this IQueryable<Member> members) =>
        members.Select(m => new MemberRow(
            m.Id, m.CooperativeId.Value, m.Name, m.Phone, m.Village, m.IdCardNumber, m.Status,
            EF.Property<string>(m, Member.RolesField), m.Shares, m.JoinedOn, m.AppliedAt));
}

internal sealed record MemberRow(
    MemberId Id, Guid CooperativeId, string Name, SharedKernel.PhoneNumber Phone, string Village, IdCardNumber? IdCardNumber,
    MemberStatus Status, string RoleList, int Shares, DateOnly? JoinedOn, DateTimeOffset AppliedAt)
{
    public IReadOnlyList<string> Roles => SharedKernel.RoleSet.Decode(RoleList).Names;

    public MemberResponse ToResponse() => new(
        Id.Value, CooperativeId, Name, Phone.Value, Village, IdCardNumber?.Masked, Status.ToString(), Roles, Shares, JoinedOn, AppliedAt);
}
