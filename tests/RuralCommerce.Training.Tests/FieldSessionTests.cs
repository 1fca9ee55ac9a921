using System.Net;

namespace RuralCommerce.Training.Tests;

public sealed class FieldSessionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Learners_sign_up_for_a_field_session_up_to_its_capacity_and_the_trainer_takes_attendance()
    {
        var trainer = await factory.IndependentTrainerAsync();
        var course = await trainer.Training.PublishedCourseAsync(lessons: 1);
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(4);
        var session = (await trainer.Training.PlanFieldSession(course.CourseId, startsAt, capacity: 2)).Body;
        var learners = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => factory.LearnerAsync()));
        var enrolments = await Task.WhenAll(learners.Select(async l => (await l.Training.Enrol(course.CourseId)).Body));

        var first = (await learners[0].Training.SignUp(enrolments[0].EnrolmentId, session.SessionId)).Body;
        var again = (await learners[0].Training.SignUp(enrolments[0].EnrolmentId, session.SessionId)).Body;
        Assert.Equal((true, 1), (first.SignedUp, first.Taken));
        Assert.Equal(1, again.Taken);
        var lastPlace = await Task.WhenAll(learners[1..].Select((l, i) => l.Training.SignUp(enrolments[i + 1].EnrolmentId, session.SessionId)));
        Assert.Equal(1, lastPlace.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(1, lastPlace.Count(r => r.Status == HttpStatusCode.Conflict));

        var early = await trainer.Training.RecordAttendance(course.CourseId, session.SessionId, enrolments[0].EnrolmentId);
        Assert.Equal("AttendanceIsTakenOnceTheSessionStartsRule", early.BrokenRule);
        Assert.Null(Assert.Single((await trainer.Training.FieldSessions(course.CourseId)).Body).AttendanceRecordedAt);

        await Task.Delay(startsAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));
        var loser = lastPlace[0].Status == HttpStatusCode.Conflict ? 1 : 2;
        var late = await learners[loser].Training.SignUp(enrolments[loser].EnrolmentId, session.SessionId);
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        var stranger = await trainer.Training.RecordAttendance(course.CourseId, session.SessionId, enrolments[0].EnrolmentId, Guid.NewGuid());
        Assert.Equal("AttendanceNamesOnlySignedUpLearnersRule", stranger.BrokenRule);
        Assert.Equal("LearnersSignUpBeforeTheSessionStartsRule", late.BrokenRule);

        var sheet = (await trainer.Training.RecordAttendance(course.CourseId, session.SessionId, enrolments[0].EnrolmentId)).Body;
        Assert.NotNull(sheet.AttendanceRecordedAt);
        Assert.Equal([true, false], sheet.Signups!.Select(s => s.Attended!.Value));

        var learnerView = Assert.Single((await learners[0].Training.FieldSessions(course.CourseId)).Body);
        Assert.Equal((true, 2), (learnerView.SignedUp, learnerView.Taken));
        Assert.Null(learnerView.Signups);
        var outsider = await factory.LearnerAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Training.FieldSessions(course.CourseId)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await trainer.Training.PlanFieldSession(course.CourseId, DateTimeOffset.UtcNow.AddDays(-1))).Status);
    }
}
