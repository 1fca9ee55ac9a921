using Microsoft.EntityFrameworkCore;
using RuralCommerce.Catalog.Features.RegisterBatch;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Training.Tests;

/// <summary>Training's course-completed notification reaches Catalog: a batch's trace page shows the grower's certificates.</summary>
public sealed class TraceCertificateTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_growers_certificate_appears_on_the_trace_page_of_their_harvest_until_it_is_revoked()
    {
        var catalog = await CatalogScenario.CreateAsync(factory, "Miao Village Mushroom Cooperative", "Guizhou");
        var seller = await catalog.AddSellerAsync("龙秀英", "Miao");
        var product = await catalog.ListedProductAsync(seller);
        _ = (await seller.Catalog.RegisterBatch(catalog.CooperativeId, product.ProductId,
            new RegisterBatchRequest("XG-2026-11", new DateOnly(2026, 11, 20), null, 120m, null))).Body;
        var phone = PhoneNumber.Parse(seller.Phone);
        await factory.WaitUntilTrainingAsync(db => db.Members.AnyAsync(m => m.Phone == phone), "Training knows the member");
        await factory.WaitUntilTrainingAsync(db => db.VerifiedAccounts.AnyAsync(a => a.Phone == phone), "Training knows the account");

        var trainer = await factory.IndependentTrainerAsync();
        var course = await trainer.Training.PublishedCourseAsync(lessons: 1, withQuiz: false);
        var learner = new TrainingApi(factory.ClientFor(seller.Session));
        var enrolment = (await learner.Enrol(course.CourseId)).Body;
        var done = (await learner.ReportProgress(enrolment.EnrolmentId, course.Lessons[0].LessonId, (0m, 60m))).Body;
        Assert.Equal("Completed", done.Status);

        await Eventually.HoldsAsync(async () => (await catalog.Anonymous.Trace(catalog.CooperativeId, "xg-2026-11")).Body.GrowerCertificates.Count == 1,
            "the certificate reached the trace page");
        var shown = Assert.Single((await catalog.Anonymous.Trace(catalog.CooperativeId, "XG-2026-11")).Body.GrowerCertificates);
        Assert.Equal((course.Title, $"/certificates/{done.CertificateCode}"), (shown.CourseTitle, shown.VerificationPath));

        _ = await trainer.Training.Revoke(course.CourseId, enrolment.EnrolmentId, "Issued by mistake.");
        await Eventually.HoldsAsync(async () => (await catalog.Anonymous.Trace(catalog.CooperativeId, "XG-2026-11")).Body.GrowerCertificates.Count == 0,
            "the revocation reached the trace page");
    }
}
