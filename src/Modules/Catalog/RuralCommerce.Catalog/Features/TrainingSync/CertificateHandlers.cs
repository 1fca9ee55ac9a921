using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Domain.Members;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Inbox;
using RuralCommerce.Training.Contracts;

namespace RuralCommerce.Catalog.Features.TrainingSync;

// A batch's trace page shows the grower's training certificates: Training says when a member completed a course,
// and when a certificate was revoked (then the page stops showing it).

internal sealed class CourseCompletedHandler(CatalogDbContext db, TimeProvider clock)
    : IntegrationEventHandler<CourseCompletedIntegrationEvent, CatalogDbContext>(db, clock)
{
    protected override async Task HandleAsync(CourseCompletedIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (e.MemberId is { } memberId && !await Context.GrowerCertificates.AnyAsync(c => c.Code == e.CertificateCode, cancellationToken))
        {
            Context.GrowerCertificates.Add(GrowerCertificate.Earned(e.CertificateCode, memberId, e.CourseTitle, e.Topic, e.CompletedOn));
        }
    }
}

internal sealed class CertificateRevokedHandler(CatalogDbContext db, TimeProvider clock)
    : IntegrationEventHandler<CertificateRevokedIntegrationEvent, CatalogDbContext>(db, clock)
{
    protected override async Task HandleAsync(CertificateRevokedIntegrationEvent e, CancellationToken cancellationToken) =>
        (await Context.GrowerCertificates.SingleOrDefaultAsync(c => c.Code == e.CertificateCode, cancellationToken))?.Revoke();
}
