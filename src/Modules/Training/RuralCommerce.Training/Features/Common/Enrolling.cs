using Microsoft.EntityFrameworkCore;
using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Domain.Courses;
using RuralCommerce.Training.Domain.Enrolments;
using RuralCommerce.Training.Domain.People;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Training.Features.Common;

internal static class Enrolling
{
    /// <summary>SQL Server takes at most 2,100 parameters in one command; phones are looked up in slices well below it.</summary>
    private const int LookupSlice = 1000;

    /// <summary>
    /// The learner a phone names: the account that verified it (if any) and the cooperative member it belongs to (if
    /// any, an active one first), for each of <paramref name="phones"/>.
    /// </summary>
    public static async Task<Dictionary<PhoneNumber, (Guid? AccountId, Member? Member)>> IdentifyAsync(
        this TrainingDbContext db, IReadOnlyCollection<PhoneNumber> phones, CancellationToken cancellationToken)
    {
        var accounts = new Dictionary<PhoneNumber, Guid>();
        var members = new Dictionary<PhoneNumber, Member>();
        foreach (var slice in phones.Distinct().Chunk(LookupSlice))
        {
            foreach (var account in await db.VerifiedAccounts.AsNoTracking().Where(a => slice.Contains(a.Phone)).ToListAsync(cancellationToken))
            {
                accounts[account.Phone] = account.AccountId;
            }

            foreach (var member in (await db.Members.AsNoTracking().Where(m => slice.Contains(m.Phone)).ToListAsync(cancellationToken))
                         .OrderBy(m => m.Status))
            {
                members.TryAdd(member.Phone, member);
            }
        }

        return phones.Distinct().ToDictionary(
            p => p, p => (accounts.TryGetValue(p, out var a) ? a : (Guid?)null, members.GetValueOrDefault(p)));
    }

    /// <summary>The phones of <paramref name="phones"/> already enrolled in the course.</summary>
    public static async Task<Dictionary<PhoneNumber, Enrolment>> EnrolledAsync(
        this TrainingDbContext db, CourseId courseId, IReadOnlyCollection<PhoneNumber> phones, CancellationToken cancellationToken)
    {
        var enrolled = new Dictionary<PhoneNumber, Enrolment>();
        foreach (var slice in phones.Distinct().Chunk(LookupSlice))
        {
            foreach (var enrolment in await db.Enrolments.Where(e => e.CourseId == courseId && slice.Contains(e.Phone)).ToListAsync(cancellationToken))
            {
                enrolled[enrolment.Phone] = enrolment;
            }
        }

        return enrolled;
    }

    /// <summary>
    /// Takes up to <paramref name="wanted"/> places in the course by one conditional update inside the caller's
    /// transaction, so two enrolments at once never overfill a cohort. Returns how many it took.
    /// </summary>
    public static async Task<int> TakePlacesAsync(this TrainingDbContext db, CourseId courseId, int wanted, CancellationToken cancellationToken)
    {
        if (wanted == 0)
        {
            return 0;
        }

        var room = await db.Courses.AsNoTracking().Where(c => c.Id == courseId)
            .Select(c => c.Capacity == null ? int.MaxValue : c.Capacity.Value - c.EnrolledCount).SingleAsync(cancellationToken);
        var taking = Math.Min(wanted, Math.Max(0, room));
        if (taking == 0)
        {
            return 0;
        }

        var updated = await db.Courses
            .Where(c => c.Id == courseId && (c.Capacity == null || c.EnrolledCount + taking <= c.Capacity))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.EnrolledCount, c => c.EnrolledCount + taking), cancellationToken);
        return updated == 1 ? taking : 0;
    }

    public static Learner LearnerFor(string name, PhoneNumber phone, string village, (Guid? AccountId, Member? Member) known) =>
        new(known.AccountId, name, phone, village.Length > 0 ? village : known.Member?.Village ?? "", known.Member?.Id, known.Member?.CooperativeId);
}
