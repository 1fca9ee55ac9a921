using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Training;

/// <summary>
/// Every route the module maps, relative to <see cref="Root"/>. The endpoints map these constants and the HTTP tests
/// fill them (<see cref="Url"/>), so a route cannot change in one place only.
/// </summary>
internal static class TrainingApiPaths
{
    public const string Root = "/api/training";

    // Trainers: authoring, enrolling, following their learners.
    public const string Courses = "/courses";
    public const string Course = Courses + "/{courseId:guid}";
    public const string PublishCourse = Course + "/publish";
    public const string ArchiveCourse = Course + "/archive";
    public const string Lessons = Course + "/lessons";
    public const string Lesson = Lessons + "/{lessonId:guid}";
    public const string LessonPosition = Lesson + "/position";
    public const string LessonVideo = Lesson + "/video";
    public const string Quiz = Course + "/quiz";
    public const string Cover = Course + "/cover";
    public const string Learners = Course + "/learners";
    public const string LearnerImports = Learners + "/imports";
    public const string Roster = Course + "/roster";
    public const string Dashboard = Course + "/dashboard";
    public const string Revocation = Course + "/enrolments/{enrolmentId:guid}/certificate/revocation";
    public const string Teaching = "/teaching";
    public const string FieldSessions = Course + "/field-sessions";
    public const string FieldSession = FieldSessions + "/{sessionId:guid}";
    public const string Attendance = FieldSession + "/attendance";

    // Learners.
    public const string Enrol = Course + "/enrolment";
    public const string MyEnrolments = "/my/enrolments";
    public const string MyEnrolment = MyEnrolments + "/{enrolmentId:guid}";
    public const string Progress = MyEnrolment + "/progress";
    public const string QuizAttempts = MyEnrolment + "/quiz-attempts";
    public const string MyCertificates = "/my/certificates";
    public const string FieldSessionSignup = MyEnrolment + "/field-sessions/{sessionId:guid}";

    // Anyone: the published catalogue, videos, certificate verification.
    public const string Catalogue = "/catalogue";
    public const string CatalogueCourse = Catalogue + "/{courseId:guid}";
    public const string VideoFile = "/videos/{file}";
    public const string CoverFile = "/covers/{file}";
    public const string Certificate = "/certificates/{code}";
    public const string CertificateQrPng = Certificate + "/qr.png";

    /// <summary>The absolute path of <paramref name="route"/> with its parameters filled in order.</summary>
    public static string Url(string route, params object[] values) => Root + RouteTemplate.Fill(route, values);
}
