using RuralCommerce.SharedKernel;

namespace RuralCommerce.Training.Domain.Courses;

internal sealed class OnlyADraftChangesItsStructureRule(Course course) : IBusinessRule
{
    public string Message => $"Lessons and the quiz are added, removed or reordered only while the course is a draft; this one is {course.Status}.";

    public bool IsBroken() => course.Status != CourseStatus.Draft;
}

internal sealed class AnArchivedCourseDoesNotChangeRule(Course course) : IBusinessRule
{
    public string Message => "An archived course no longer changes.";

    public bool IsBroken() => course.Status == CourseStatus.Archived;
}

internal sealed class ACourseHasAtMostFiftyLessonsRule(int lessons) : IBusinessRule
{
    public string Message => $"A course has at most {Course.MaxLessons} lessons.";

    public bool IsBroken() => lessons >= Course.MaxLessons;
}

internal sealed class APublishedLessonKeepsItsLengthRule(Course course, Lesson lesson, int? durationSeconds) : IBusinessRule
{
    public string Message => $"A published lesson keeps its length ({lesson.DurationSeconds} seconds): learners' progress is measured against it.";

    public bool IsBroken() => course.Status != CourseStatus.Draft && durationSeconds is { } seconds && lesson.DurationSeconds != seconds;
}

internal sealed class AnUploadedVideoSetsItsLessonsLengthRule(Lesson lesson, int? durationSeconds) : IBusinessRule
{
    public string Message => $"The lesson's length is its uploaded video's ({lesson.DurationSeconds} seconds); upload another video or link one to change it.";

    public bool IsBroken() => lesson.VideoUploaded && durationSeconds is { } seconds && seconds != lesson.DurationSeconds;
}

internal sealed class ALinkedVideoHasALengthRule(string? link, int durationSeconds) : IBusinessRule
{
    public string Message => "A lesson that links to a video needs the video's length (durationSeconds): learners' progress is measured against it.";

    public bool IsBroken() => link is not null && durationSeconds < 1;
}

internal sealed class AQuizHasAPassMarkRule(int questions, int? passMarkPercent) : IBusinessRule
{
    public string Message => "A quiz needs a pass mark between 1 and 100 %.";

    public bool IsBroken() => questions > 0 && passMarkPercent is not (>= 1 and <= 100);
}

internal sealed class OnlyADraftIsPublishedRule(Course course) : IBusinessRule
{
    public string Message => $"Only a draft is published; this course is {course.Status}.";

    public bool IsBroken() => course.Status != CourseStatus.Draft;
}

internal sealed class APublishedCourseHasLessonsWithVideosRule(Course course) : IBusinessRule
{
    public string Message => course.Lessons.Count == 0
        ? "A course needs at least one lesson before it is published."
        : "Every lesson needs its video (uploaded or linked) before the course is published.";

    public bool IsBroken() => course.Lessons.Count == 0 || course.Lessons.Any(l => !l.HasVideo);
}

internal sealed class OnlyAPublishedCourseIsArchivedRule(Course course) : IBusinessRule
{
    public string Message => $"Only a published course is archived; this one is {course.Status}.";

    public bool IsBroken() => course.Status != CourseStatus.Published;
}

internal sealed class AnEnrolmentWindowClosesAfterItOpensRule(DateTimeOffset? opens, DateTimeOffset? closes) : IBusinessRule
{
    public string Message => "The enrolment window must close after it opens.";

    public bool IsBroken() => opens is not null && closes is not null && closes <= opens;
}

internal sealed class ACapacityIsNotBelowTheEnrolledRule(int? capacity, int enrolled) : IBusinessRule
{
    public string Message => $"The capacity cannot be below the {enrolled} learners already enrolled.";

    public bool IsBroken() => capacity is { } c && c < enrolled;
}

internal sealed class LearnersEnrolInAPublishedCourseWhileItIsOpenRule(Course course, DateTimeOffset now) : IBusinessRule
{
    public string Message => course.Status != CourseStatus.Published
        ? $"Learners enrol only in a published course; this one is {course.Status}."
        : now < course.EnrolmentOpensAt
            ? "Enrolment has not opened yet."
            : "Enrolment has closed.";

    public bool IsBroken() => course.Status != CourseStatus.Published || now < course.EnrolmentOpensAt || now >= course.EnrolmentClosesAt;
}

internal sealed class ACohortIsNotOverfilledRule(Course course) : IBusinessRule
{
    public string Message => $"The course is full: its {course.Capacity} places are taken.";

    public bool IsBroken() => course.Capacity is { } capacity && course.EnrolledCount >= capacity;
}
