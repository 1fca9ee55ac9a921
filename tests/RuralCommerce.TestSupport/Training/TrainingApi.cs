using System.Net.Http.Headers;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.Training.Features.AuthorCourse;
using RuralCommerce.Training.Features.Certificates;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Features.CourseDashboard;
using RuralCommerce.Training.Features.EnrolLearners;
using RuralCommerce.Training.Features.FieldSessions;
using RuralCommerce.Training.Features.Lessons;
using RuralCommerce.Training.Features.Quiz;
using RuralCommerce.Training.Features.ReportProgress;
using RuralCommerce.Training.Features.Roster;
using RuralCommerce.Training.Features.TakeQuiz;
using Paths = RuralCommerce.Training.TrainingApiPaths;

namespace RuralCommerce.TestSupport.Training;

/// <summary>The Training API as one person (trainer, learner or anyone) uses it: one method per endpoint.</summary>
internal sealed class TrainingApi(HttpClient http) : ApiClient(http)
{
    public Task<Reply<CourseResponse>> CreateCourse(CourseRequest course, string? idempotencyKey = null) =>
        PostAsync<CourseResponse>(Paths.Url(Paths.Courses), course, idempotencyKey);

    public Task<Reply<CourseResponse>> EditCourse(Guid courseId, CourseRequest course) =>
        PutAsync<CourseResponse>(Paths.Url(Paths.Course, courseId), course);

    public Task<Reply<CourseResponse>> GetCourse(Guid courseId) => GetAsync<CourseResponse>(Paths.Url(Paths.Course, courseId));

    public Task<Reply<IReadOnlyList<CourseSummary>>> Teaching() => GetAsync<IReadOnlyList<CourseSummary>>(Paths.Url(Paths.Teaching));

    public Task<Reply<LessonResponse>> AddLesson(Guid courseId, LessonRequest lesson) =>
        PostAsync<LessonResponse>(Paths.Url(Paths.Lessons, courseId), lesson);

    public Task<Reply<LessonResponse>> EditLesson(Guid courseId, Guid lessonId, LessonRequest lesson) =>
        PutAsync<LessonResponse>(Paths.Url(Paths.Lesson, courseId, lessonId), lesson);

    public Task<Reply<NoContent>> RemoveLesson(Guid courseId, Guid lessonId) =>
        DeleteAsync<NoContent>(Paths.Url(Paths.Lesson, courseId, lessonId));

    public Task<Reply<CourseResponse>> MoveLesson(Guid courseId, Guid lessonId, int position) =>
        PutAsync<CourseResponse>(Paths.Url(Paths.LessonPosition, courseId, lessonId), new MoveLessonRequest(position));

    public Task<Reply<LessonResponse>> UploadVideo(Guid courseId, Guid lessonId, byte[] video, string fileName = "lesson.webm", string contentType = "video/webm")
    {
        var file = new ByteArrayContent(video);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        return PostContentAsync<LessonResponse>(Paths.Url(Paths.LessonVideo, courseId, lessonId), form);
    }

    public Task<Reply<CourseResponse>> UploadCover(Guid courseId, byte[] photo, string contentType = "image/png")
    {
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "file", "cover.png" } };
        return PostContentAsync<CourseResponse>(Paths.Url(Paths.Cover, courseId), form);
    }

    public Task<Reply<CourseResponse>> SetQuiz(Guid courseId, QuizRequest quiz) => PutAsync<CourseResponse>(Paths.Url(Paths.Quiz, courseId), quiz);

    public Task<Reply<CourseResponse>> Publish(Guid courseId) => PostAsync<CourseResponse>(Paths.Url(Paths.PublishCourse, courseId));

    public Task<Reply<CourseResponse>> Archive(Guid courseId) => PostAsync<CourseResponse>(Paths.Url(Paths.ArchiveCourse, courseId));

    public Task<Reply<LearnerResponse>> EnrolLearner(Guid courseId, string name, string phone, string? village = "Miao Village") =>
        PostAsync<LearnerResponse>(Paths.Url(Paths.Learners, courseId), new EnrolLearnerRequest(name, phone, village));

    public Task<Reply<BulkEnrolmentReport>> EnrolFromCsv(Guid courseId, byte[] csv)
    {
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { file, "file", "farmers.csv" } };
        return PostContentAsync<BulkEnrolmentReport>(Paths.Url(Paths.LearnerImports, courseId), form);
    }

    public Task<Reply<PagedResult<RosterEntry>>> Roster(Guid courseId, string query = "") =>
        GetAsync<PagedResult<RosterEntry>>(Paths.Url(Paths.Roster, courseId) + query);

    public Task<Reply<DashboardResponse>> Dashboard(Guid courseId) => GetAsync<DashboardResponse>(Paths.Url(Paths.Dashboard, courseId));

    public Task<Reply<NoContent>> Revoke(Guid courseId, Guid enrolmentId, string reason) =>
        PostAsync<NoContent>(Paths.Url(Paths.Revocation, courseId, enrolmentId), new RevokeCertificateRequest(reason));

    public Task<Reply<EnrolmentResponse>> Enrol(Guid courseId) => PostAsync<EnrolmentResponse>(Paths.Url(Paths.Enrol, courseId));

    public Task<Reply<PagedResult<CourseSummary>>> Catalogue(string query = "") =>
        GetAsync<PagedResult<CourseSummary>>(Paths.Url(Paths.Catalogue) + query);

    public Task<Reply<CourseResponse>> PublishedCourse(Guid courseId) => GetAsync<CourseResponse>(Paths.Url(Paths.CatalogueCourse, courseId));

    public Task<Reply<IReadOnlyList<EnrolmentResponse>>> MyEnrolments() => GetAsync<IReadOnlyList<EnrolmentResponse>>(Paths.Url(Paths.MyEnrolments));

    public Task<Reply<EnrolmentResponse>> MyEnrolment(Guid enrolmentId) => GetAsync<EnrolmentResponse>(Paths.Url(Paths.MyEnrolment, enrolmentId));

    public Task<Reply<EnrolmentResponse>> ReportProgress(Guid enrolmentId, Guid lessonId, params (decimal From, decimal To)[] watched) =>
        PostAsync<EnrolmentResponse>(Paths.Url(Paths.Progress, enrolmentId),
            new ProgressReportRequest(lessonId, watched.Select(w => new WatchedStretch(w.From, w.To)).ToList()));

    public Task<Reply<QuizAttemptResponse>> AttemptQuiz(Guid enrolmentId, params (Guid QuestionId, int Option)[] answers) =>
        PostAsync<QuizAttemptResponse>(Paths.Url(Paths.QuizAttempts, enrolmentId),
            new QuizAttemptRequest(answers.Select(a => new QuizAnswer(a.QuestionId, a.Option)).ToList()));

    public Task<Reply<IReadOnlyList<MyCertificate>>> MyCertificates() => GetAsync<IReadOnlyList<MyCertificate>>(Paths.Url(Paths.MyCertificates));

    public Task<Reply<CertificateVerification>> Verify(string code) => GetAsync<CertificateVerification>(Paths.Url(Paths.Certificate, code));

    public Task<Reply<FieldSessionResponse>> PlanFieldSession(Guid courseId, DateTimeOffset startsAt, string place = "Miao village mushroom shed", int capacity = 20) =>
        PostAsync<FieldSessionResponse>(Paths.Url(Paths.FieldSessions, courseId), new FieldSessionRequest(startsAt, 90, place, capacity));

    public Task<Reply<IReadOnlyList<FieldSessionResponse>>> FieldSessions(Guid courseId) =>
        GetAsync<IReadOnlyList<FieldSessionResponse>>(Paths.Url(Paths.FieldSessions, courseId));

    public Task<Reply<FieldSessionResponse>> SignUp(Guid enrolmentId, Guid sessionId) =>
        PutAsync<FieldSessionResponse>(Paths.Url(Paths.FieldSessionSignup, enrolmentId, sessionId), null);

    public Task<Reply<FieldSessionResponse>> RecordAttendance(Guid courseId, Guid sessionId, params Guid[] present) =>
        PutAsync<FieldSessionResponse>(Paths.Url(Paths.Attendance, courseId, sessionId), new AttendanceRequest(present));
}
