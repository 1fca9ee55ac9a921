using Microsoft.EntityFrameworkCore;
using RuralCommerce.Access.Domain.Sessions;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;

namespace RuralCommerce.Access.Features.Common;

/// <summary>One indexed lookup per authenticated request: is this token's session signed out?</summary>
internal sealed class SessionRevocations(AccessDbContext db) : ISessionRevocations
{
    public Task<bool> IsRevokedAsync(Guid sessionId, CancellationToken cancellationToken) =>
        db.RevokedSessions.AsNoTracking().AnyAsync(r => r.FamilyId == new SessionId(sessionId), cancellationToken);
}
