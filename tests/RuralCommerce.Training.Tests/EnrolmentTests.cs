using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Cooperatives.Contracts;

namespace RuralCommerce.Training.Tests;

public sealed class EnrolmentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_bulk_upload_reports_every_row_and_enrols_nobody_twice()
    {
        var trainer = await factory.IndependentTrainerAsync();
        var course = await trainer.Training.PublishedCourseAsync(lessons: 1);
        var (a, b, c) = (AccessFlows.NewPhone(), AccessFlows.NewPhone(), AccessFlows.NewPhone());
        var csv = Encoding.UTF8.GetBytes(
            $"姓名,手机,村\n龙秀英,{a},苗寨\n杨光明,{b},\"上寨, 二组\"\n没号码,12345,苗寨\n龙秀英,{a},苗寨\n,{c},苗寨\n");

        var report = (await trainer.Training.EnrolFromCsv(course.CourseId, csv)).Body;

        Assert.Equal((5, 2, 0, 3), (report.Rows, report.Enrolled, report.AlreadyEnrolled, report.Refused));
        Assert.Equal(["Enrolled", "Enrolled", "InvalidPhone", "DuplicateInFile", "MissingName"], report.Report.Select(r => r.Outcome));
        Assert.Equal([2, 3, 4, 5, 6], report.Report.Select(r => r.Row));

        var again = (await trainer.Training.EnrolFromCsv(course.CourseId, csv)).Body;
        Assert.Equal((0, 2), (again.Enrolled, again.AlreadyEnrolled));
        var roster = (await trainer.Training.Roster(course.CourseId)).Body;
        Assert.Equal(2, roster.TotalCount);
        Assert.Contains(roster.Items, l => l.Village == "上寨, 二组" && l.Source == "Bulk");
        Assert.Equal(2, (await trainer.Training.GetCourse(course.CourseId)).Body.EnrolledCount);
    }

    [Fact]
    public async Task A_bulk_upload_of_five_thousand_rows_enrols_them_all_in_one_go()
    {
        var trainer = await factory.IndependentTrainerAsync();
        var course = await trainer.Training.PublishedCourseAsync(lessons: 1);
        var csv = new StringBuilder("name,phone,village\n");
        for (var i = 0; i < 5000; i++)
        {
            csv.Append("Farmer ").Append(i).Append(",+86137").Append((10_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(",Miao\n");
        }

        var report = (await trainer.Training.EnrolFromCsv(course.CourseId, Encoding.UTF8.GetBytes(csv.ToString()))).Body;

        Assert.Equal(5000, report.Enrolled);
        var tooMany = await trainer.Training.EnrolFromCsv(course.CourseId, Encoding.UTF8.GetBytes(csv.Append("One more,+8613799999999,Miao\n").ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
    }

    [Fact]
    public async Task A_full_cohort_takes_nobody_more_even_at_once()
    {
        var trainer = await factory.IndependentTrainerAsync();
        var course = await trainer.Training.PublishedCourseAsync(lessons: 1, capacity: 3);
        var learners = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => factory.LearnerAsync()));

        var answers = await Task.WhenAll(learners.Select(l => l.Training.Enrol(course.CourseId)));

        Assert.Equal(3, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        Assert.Equal(3, (await trainer.Training.GetCourse(course.CourseId)).Body.EnrolledCount);
        var csv = Encoding.UTF8.GetBytes($"Late Farmer,{AccessFlows.NewPhone()},Miao\n");
        Assert.Equal("CourseFull", Assert.Single((await trainer.Training.EnrolFromCsv(course.CourseId, csv)).Body.Report).Outcome);
        Assert.Equal(HttpStatusCode.Conflict, (await trainer.Training.EnrolLearner(course.CourseId, "Late", AccessFlows.NewPhone())).Status);
    }

    [Fact]
    public async Task A_farmer_enrolled_by_phone_finds_the_course_once_their_account_verifies_that_phone()
    {
        var trainer = await factory.IndependentTrainerAsync();
        var course = await trainer.Training.PublishedCourseAsync(lessons: 1);
        var phone = AccessFlows.NewPhone();
        var enrolled = (await trainer.Training.EnrolLearner(course.CourseId, "杨光明", phone)).Body;
        Assert.Equal(HttpStatusCode.Conflict, (await trainer.Training.EnrolLearner(course.CourseId, "杨光明", phone)).Status);

        await factory.RegisterAsync(phone, name: "杨光明");
        await factory.VerifyPhoneAsync(phone);
        var learner = new TrainingApi(factory.ClientFor(await factory.SignInAsync(phone)));

        await Eventually.HoldsAsync(async () => (await learner.MyEnrolments()).Body.Any(e => e.EnrolmentId == enrolled.EnrolmentId), "the enrolment joined the account");
        var self = await learner.Enrol(course.CourseId);
        Assert.Equal((HttpStatusCode.OK, enrolled.EnrolmentId), (self.Status, self.Body.EnrolmentId));
    }

    [Fact]
    public async Task A_cooperative_trainer_teaches_members_and_the_cooperative_follows_their_progress()
    {
        var cooperative = await CooperativeScenario.CreateAsync(factory, "Guizhou", "Miao Village Mushroom Cooperative");
        var (trainerPhone, _) = await factory.NewVerifiedPersonAsync("Yang Mei");
        var trainerMember = await cooperative.AddMemberAsync("Yang Mei", trainerPhone, "Miao", [MemberRoles.Trainer]);
        var (trainerSession, _) = await factory.WaitForMembershipAsync(trainerPhone, cooperative.CooperativeId);
        await factory.WaitUntilTrainingAsync(db => db.Members.AnyAsync(m => m.Id == trainerMember.MemberId && m.IsTrainer), "Training knows the trainer");
        await factory.WaitUntilTrainingAsync(db => db.Cooperatives.AnyAsync(c => c.Id == cooperative.CooperativeId && c.Name == "Miao Village Mushroom Cooperative"),
            "Training knows the cooperative's name (the trainer picks it by name)");
        var trainer = new TrainingApi(factory.ClientFor(trainerSession));
        var course = await trainer.PublishedCourseAsync(lessons: 3, withQuiz: false, cooperativeId: cooperative.CooperativeId);

        var farmerPhone = AccessFlows.NewPhone();
        var farmer = await cooperative.AddMemberAsync("Long Xiu", farmerPhone, "Miao", [MemberRoles.Seller]);
        await factory.WaitUntilTrainingAsync(db => db.Members.AnyAsync(m => m.Id == farmer.MemberId), "Training knows the farmer");
        _ = (await trainer.EnrolLearner(course.CourseId, "Long Xiu", farmerPhone, "Miao")).Body;
        var outsider = await factory.LearnerAsync("Zhao Lei");
        var outsiderEnrolment = (await outsider.Training.Enrol(course.CourseId)).Body;
        _ = (await outsider.Training.ReportProgress(outsiderEnrolment.EnrolmentId, course.Lessons[0].LessonId, (0m, 60m))).Body;
        _ = (await outsider.Training.ReportProgress(outsiderEnrolment.EnrolmentId, course.Lessons[1].LessonId, (0m, 20m))).Body;

        var roster = (await trainer.Roster(course.CourseId, "?village=Miao")).Body;
        var member = Assert.Single(roster.Items);
        Assert.Equal((farmer.MemberId, false), (member.MemberId, member.HasAccount));
        Assert.Single((await trainer.Roster(course.CourseId, "?minProgress=40&maxProgress=50")).Body.Items);

        var admin = new TrainingApi(cooperative.Admin.Http);
        var dashboard = (await admin.Dashboard(course.CourseId)).Body;
        Assert.Equal((2, 1, 0, 0m), (dashboard.Enrolled, dashboard.ActiveLast7Days, dashboard.Completed, dashboard.CompletionRatePercent));
        Assert.Equal([(1, 1), (1, 0), (0, 0)], dashboard.DropOff.Select(d => (d.Reached, d.Completed)));
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Training.Dashboard(course.CourseId)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Training.Roster(course.CourseId)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.EnrolLearner(course.CourseId, "Someone", AccessFlows.NewPhone())).Status);

        var independent = await factory.IndependentTrainerAsync();
        var notTheirs = await independent.Training.CreateCourse(TrainingTestData.Mushrooms(cooperativeId: cooperative.CooperativeId));
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.Status);
    }
}
