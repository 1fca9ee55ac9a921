using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Domain.Courses;
using RuralCommerce.Training.Domain.Enrolments;

namespace RuralCommerce.Training.Domain.FieldSessions;

internal readonly record struct FieldSessionId(Guid Value) : IStronglyTypedId<FieldSessionId>
{
    public static FieldSessionId From(Guid value) => new(value);
}

/// <summary>An in-person session of a course (at the mushroom shed, the village hall): learners sign up, the trainer takes attendance.</summary>
internal sealed class FieldSession : AggregateRoot
{
    private readonly List<FieldSessionSignup> _signups = [];

    private FieldSession()
    {
    }

    public FieldSessionId Id { get; private set; }

    public CourseId CourseId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public int DurationMinutes { get; private set; }

    public string Place { get; private set; } = "";

    public int Capacity { get; private set; }

    public DateTimeOffset? AttendanceRecordedAt { get; private set; }

    public IReadOnlyList<FieldSessionSignup> Signups => _signups;

    public static FieldSession Plan(FieldSessionId id, Course course, DateTimeOffset startsAt, int durationMinutes, string place, int capacity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(course);
        CheckRule(new AnArchivedCourseDoesNotChangeRule(course));
        CheckRule(new AFieldSessionIsPlannedAheadRule(startsAt, now));
        return new FieldSession
        {
            Id = id,
            CourseId = course.Id,
            StartsAt = startsAt,
            DurationMinutes = durationMinutes,
            Place = place,
            Capacity = capacity,
        };
    }

    /// <summary>Signs the learner up; signing up twice changes nothing. False when they already were.</summary>
    public bool SignUp(Enrolment enrolment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        if (_signups.Any(s => s.EnrolmentId == enrolment.Id))
        {
            return false;
        }

        CheckRule(new OnlyTheCoursesLearnersSignUpRule(this, enrolment));
        CheckRule(new LearnersSignUpBeforeTheSessionStartsRule(this, now));
        CheckRule(new AFieldSessionHoldsItsCapacityRule(this));
        _signups.Add(new FieldSessionSignup(enrolment.Id, enrolment.LearnerName, now));
        // The session's version guards its capacity: two sign-ups for the last place cannot both save.
        AddDomainEvent(new LearnerSignedUp(this, enrolment.Id));
        return true;
    }

    /// <summary>Records who came (those not named did not); taken again, it replaces the earlier record.</summary>
    public void RecordAttendance(IReadOnlyCollection<EnrolmentId> present, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(present);
        CheckRule(new AttendanceIsTakenOnceTheSessionStartsRule(this, now));
        CheckRule(new AttendanceNamesOnlySignedUpLearnersRule(this, present));
        foreach (var signup in _signups)
        {
            signup.Mark(present.Contains(signup.EnrolmentId));
        }

        AttendanceRecordedAt = now;
        AddDomainEvent(new AttendanceRecorded(this));
    }
}

internal sealed class FieldSessionSignup
{
    private FieldSessionSignup()
    {
    }

    public FieldSessionSignup(EnrolmentId enrolmentId, string learnerName, DateTimeOffset signedUpAt)
    {
        EnrolmentId = enrolmentId;
        LearnerName = learnerName;
        SignedUpAt = signedUpAt;
    }

    public EnrolmentId EnrolmentId { get; private set; }

    public string LearnerName { get; private set; } = "";

    public DateTimeOffset SignedUpAt { get; private set; }

    /// <summary>Null until attendance is taken.</summary>
    public bool? Attended { get; private set; }

    public void Mark(bool attended) => Attended = attended;
}

internal sealed record LearnerSignedUp(FieldSession Session, EnrolmentId EnrolmentId) : IDomainEvent;

internal sealed record AttendanceRecorded(FieldSession Session) : IDomainEvent;

internal sealed class AFieldSessionIsPlannedAheadRule(DateTimeOffset startsAt, DateTimeOffset now) : IBusinessRule
{
    public string Message => "A field session is planned for a time still to come.";

    public bool IsBroken() => startsAt <= now;
}

internal sealed class OnlyTheCoursesLearnersSignUpRule(FieldSession session, Enrolment enrolment) : IBusinessRule
{
    public string Message => "Only learners enrolled in the session's course sign up for it.";

    public bool IsBroken() => enrolment.CourseId != session.CourseId;
}

internal sealed class LearnersSignUpBeforeTheSessionStartsRule(FieldSession session, DateTimeOffset now) : IBusinessRule
{
    public string Message => "The session has already started.";

    public bool IsBroken() => now >= session.StartsAt;
}

internal sealed class AFieldSessionHoldsItsCapacityRule(FieldSession session) : IBusinessRule
{
    public string Message => $"The session is full: its {session.Capacity} places are taken.";

    public bool IsBroken() => session.Signups.Count >= session.Capacity;
}

internal sealed class AttendanceIsTakenOnceTheSessionStartsRule(FieldSession session, DateTimeOffset now) : IBusinessRule
{
    public string Message => "Attendance is taken once the session has started.";

    public bool IsBroken() => now < session.StartsAt;
}

internal sealed class AttendanceNamesOnlySignedUpLearnersRule(FieldSession session, IReadOnlyCollection<EnrolmentId> present) : IBusinessRule
{
    public string Message => "Attendance names only learners who signed up for the session.";

    public bool IsBroken() => present.Any(p => session.Signups.All(s => s.EnrolmentId != p));
}
