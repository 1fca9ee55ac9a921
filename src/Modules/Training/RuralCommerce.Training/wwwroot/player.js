// The links to this page turn enhanced navigation off (data-enhance-nav="false"): Blazor does not run the scripts of
// pages it swaps in. Reports what the learner actually watched of a lesson's video: each stretch played without a jump, as seconds from
// the start. Stretches wait in localStorage (per enrolment) until the server has them, so a phone that loses the
// network keeps its progress and sends it when the network returns; the server keeps the union, so sending a stretch
// twice or late is harmless, and jumping ahead counts only what was played.
(() => {
  const video = document.querySelector("video[data-report]");
  if (!video) {
    return;
  }

  const report = video.dataset.report;
  const lesson = video.dataset.lesson;
  const declared = Number(video.dataset.duration);
  const token = document.querySelector('meta[name="rc-antiforgery"]')?.content ?? "";
  const status = document.querySelector("[data-progress]");
  const key = "rc-progress:" + report;
  let start = null;
  let last = 0;
  let lastAt = 0; // performance.now() when `last` was seen
  let sending = false;

  const queue = () => JSON.parse(localStorage.getItem(key) || "[]");
  const save = (items) => localStorage.setItem(key, JSON.stringify(items));
  const clamp = (t) => Math.max(0, Math.min(t, declared));

  function close(at) {
    if (start !== null && clamp(at) - clamp(start) >= 0.5) {
      save([...queue(), { lessonId: lesson, from: clamp(start), to: clamp(at) }]);
    }
    start = null;
  }

  // What the browser itself says was played, whatever the events' timing: on a busy phone "playing" and "timeupdate"
  // can arrive late, and the stretches built from them start late or look like jumps. Sending a stretch twice is harmless.
  function rememberPlayed() {
    const queued = queue();
    const fresh = [];
    for (let i = 0; i < video.played.length; i++) {
      const from = clamp(video.played.start(i));
      const to = clamp(video.played.end(i));
      if (to - from >= 0.5 && !queued.some((s) => s.lessonId === lesson && s.from === from && s.to === to)) {
        fresh.push({ lessonId: lesson, from, to });
      }
    }
    if (fresh.length > 0) {
      save([...queued, ...fresh]);
    }
  }

  function show(enrolment) {
    const done = enrolment?.lessons.find((l) => l.lessonId === lesson);
    if (done) {
      status.dataset.watched = done.watchedSeconds;
      status.dataset.completed = done.completed;
    }
    const offline = !navigator.onLine && queue().length > 0;
    status.textContent = status.dataset.completed === "true"
      ? status.dataset.doneText
      : status.dataset.watchedText.replace("{0}", status.dataset.watched).replace("{1}", declared);
    document.querySelector("[data-offline]").hidden = !offline;
    if (status.dataset.completed === "true") {
      document.querySelectorAll("[data-after-completion]").forEach((e) => (e.hidden = false));
    }
  }

  async function flush() {
    if (sending || !navigator.onLine) {
      show();
      return;
    }
    const batch = queue().slice(0, 100);
    if (batch.length === 0) {
      show();
      return;
    }
    sending = true;
    try {
      const lessons = [...new Set(batch.map((s) => s.lessonId))];
      for (const lessonId of lessons) {
        const response = await fetch(report, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", RequestVerificationToken: token },
          body: JSON.stringify({ lessonId, watched: batch.filter((s) => s.lessonId === lessonId).map((s) => ({ from: s.from, to: s.to })) }),
        });
        if (response.ok) {
          show(await response.json());
        } else if (response.status >= 500 || response.status === 408 || response.status === 409 || response.status === 429) {
          return; // try again later; the stretches stay queued
        }
        // Any other refusal (a stretch the server will never take) is dropped rather than retried forever.
      }
      save(queue().slice(batch.length));
    } catch {
      // Offline or the request failed: everything stays queued for the next try.
    } finally {
      sending = false;
      show();
    }
  }

  function seen(now) {
    last = now;
    lastAt = performance.now();
  }

  video.addEventListener("playing", () => {
    start = video.currentTime;
    seen(start);
  });
  video.addEventListener("timeupdate", () => {
    const now = video.currentTime;
    // A jump is the video moving further than the clock allows. A busy, cheap phone may send timeupdate seconds
    // apart: video time that advanced with the clock was watched, however late the event came.
    const played = ((performance.now() - lastAt) / 1000) * video.playbackRate;
    if (start !== null && (now < last || now - last > played + 1)) {
      close(last); // a jump: the stretch before it ends where the learner left it
      start = now;
    }
    seen(now);
  });
  video.addEventListener("seeking", () => close(last));
  video.addEventListener("seeked", () => {
    if (!video.paused) {
      start = video.currentTime;
      seen(start);
    }
  });
  video.addEventListener("pause", () => {
    close(video.currentTime);
    rememberPlayed();
    flush();
  });
  video.addEventListener("ended", () => {
    close(video.duration);
    rememberPlayed();
    flush();
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden" && start !== null) {
      const now = video.currentTime;
      close(now);
      start = video.paused ? null : now;
    }
    flush();
  });
  window.addEventListener("online", flush);
  window.addEventListener("offline", () => show());
  setInterval(() => {
    if (start !== null && !video.paused) {
      const now = video.currentTime;
      close(now);
      start = now;
      seen(now);
    }
    flush();
  }, 10000);
  flush();
})();
