// The course page of a SCORM 1.2 package: the lesson pages and the quiz, reported to the LMS.
//
// The LMS's API object is found as the SCORM 1.2 run-time environment says, in this window or a
// parent frame (or the opener's). Without one the page still works and says the score is not
// recorded. The record kept in cmi.suspend_data is {"p": page, "a": [option or null...], "c": 0|1}.
// A view that yields no question makes a lesson alone, reported as completed once opened.
"use strict";

(function () {
  const data = JSON.parse(document.getElementById("course-data").textContent);
  const SUSPEND_LIMIT = 4096;  // SCORM 1.2's size of cmi.suspend_data
  const started = Date.now();
  const state = { page: 0, answers: data.questions.map(() => null), checked: false };

  function apiIn(win) {
    for (let depth = 0; win && depth < 10; depth += 1) {
      try {
        if (win.API) { return win.API; }
      } catch {
        return null;  // a parent from another origin: no API there
      }
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }

  const lms = {
    api: null,
    start() {
      const api = apiIn(window) || (window.opener ? apiIn(window.opener) : null);
      this.api = api && String(api.LMSInitialize("")) === "true" ? api : null;
      return this.api !== null;
    },
    get(name) { return this.api ? String(this.api.LMSGetValue(name)) : ""; },
    set(name, value) { if (this.api) { this.api.LMSSetValue(name, String(value)); } },
    commit() { if (this.api) { this.api.LMSCommit(""); } },
    finish() { if (this.api) { this.api.LMSFinish(""); this.api = null; } },
  };

  function passScore() {
    const mastery = parseFloat(lms.get("cmi.student_data.mastery_score"));
    return Number.isFinite(mastery) ? mastery : data.passScore;
  }

  function restore(text) {
    let saved;
    try { saved = JSON.parse(text); } catch { return; }
    if (!saved || !Array.isArray(saved.a) || saved.a.length !== data.questions.length) { return; }
    state.answers = saved.a.map((answer, index) => (Number.isInteger(answer)
      && answer >= 0 && answer < data.questions[index].feedback.length ? answer : null));
    const last = data.questions.length ? data.pages : data.pages - 1;
    state.page = Number.isInteger(saved.p) && saved.p >= 0 && saved.p <= last ? saved.p : 0;
    state.checked = saved.c === 1 && state.answers.every((answer) => answer !== null);
  }

  function save() {
    const text = JSON.stringify({ p: state.page, a: state.answers, c: state.checked ? 1 : 0 });
    if (text.length <= SUSPEND_LIMIT) { lms.set("cmi.suspend_data", text); }
    lms.set("cmi.core.lesson_location", String(state.page));
    lms.commit();
  }

  function questionBoxes() { return Array.from(document.querySelectorAll(".course-question")); }

  function showPage(page) {
    state.page = page;
    const quiz = page === data.pages;
    document.getElementById("course-quiz").hidden = !quiz;
    document.getElementById("course-lesson").hidden = quiz;
    document.querySelectorAll(".course-tab").forEach((tab) => {
      if (Number(tab.dataset.page) === page) { tab.setAttribute("aria-current", "page"); } else { tab.removeAttribute("aria-current"); }
    });
    document.querySelectorAll(".course-caption").forEach((caption) => { caption.hidden = Number(caption.dataset.page) !== page; });
    const frame = document.getElementById("course-frame");
    const source = `lesson-${page + 1}.html`;
    if (!quiz && frame.getAttribute("src") !== source) { frame.setAttribute("src", source); }
  }

  function showAnswers() {
    questionBoxes().forEach((box, index) => {
      box.querySelectorAll("input").forEach((input) => {
        input.checked = Number(input.value) === state.answers[index];
        input.disabled = state.checked;
      });
    });
    document.getElementById("course-left").textContent = "";
  }

  function score() {
    const right = data.questions.filter((question, index) => state.answers[index] === question.answer).length;
    return { right, percent: data.questions.length ? Math.round((100 * right) / data.questions.length) : 0 };
  }

  function showFeedback() {
    questionBoxes().forEach((box, index) => {
      const question = data.questions[index];
      const right = state.answers[index] === question.answer;
      box.classList.toggle("course-right", state.checked && right);
      box.classList.toggle("course-wrong", state.checked && !right);
      box.querySelectorAll(".course-option").forEach((label, option) => {
        label.classList.toggle("course-answer", state.checked && option === question.answer);
      });
      box.querySelector(".course-feedback").hidden = !state.checked;
      box.querySelector(".course-verdict").textContent = right ? "Right." : "Not this one.";
      box.querySelector(".course-chosen").textContent = state.checked ? question.feedback[state.answers[index]] || "" : "";
    });
    const result = score();
    const passed = result.percent >= passScore();
    document.getElementById("course-result").textContent = state.checked
      ? `${result.right} of ${data.questions.length} right: ${result.percent}%. ${passed ? "Passed." : "Not passed yet."}` : "";
    document.getElementById("course-check").hidden = state.checked;
    document.getElementById("course-retry").hidden = !state.checked;
  }

  function check() {
    const left = state.answers.filter((answer) => answer === null).length;
    if (left) {
      document.getElementById("course-left").textContent = `Answer every question first: ${left} left.`;
      return;
    }
    const result = score();
    state.checked = true;
    lms.set("cmi.core.score.min", "0");
    lms.set("cmi.core.score.max", "100");
    lms.set("cmi.core.score.raw", String(result.percent));
    lms.set("cmi.core.lesson_status", result.percent >= passScore() ? "passed" : "failed");
    save();
    showAnswers();
    showFeedback();
  }

  function retry() {
    state.answers = data.questions.map(() => null);
    state.checked = false;
    save();
    showAnswers();
    showFeedback();
  }

  function sessionTime() {
    const seconds = Math.floor((Date.now() - started) / 1000);
    const two = (value) => String(value).padStart(2, "0");
    return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
  }

  function finish() {
    if (!lms.api) { return; }
    lms.set("cmi.core.session_time", sessionTime());
    lms.set("cmi.core.exit", state.checked || !data.questions.length ? "" : "suspend");
    lms.commit();
    lms.finish();
  }

  function connect() {
    const connected = lms.start();
    document.getElementById("course-connection").textContent = connected
      ? "Connected to your course: your answers and score are saved there."
      : "Not connected to a course: your score is shown here but not recorded.";
    if (!connected) { return; }
    const status = lms.get("cmi.core.lesson_status");
    if (status === "not attempted" || status === "") {
      lms.set("cmi.core.lesson_status", data.questions.length ? "incomplete" : "completed");
    }
    restore(lms.get("cmi.suspend_data"));
    const mastery = passScore();
    if (mastery !== data.passScore) { document.getElementById("course-mastery").textContent = ` (your course sets ${mastery}%)`; }
  }

  function listen() {
    document.querySelectorAll(".course-tab").forEach((tab) => {
      tab.addEventListener("click", () => { showPage(Number(tab.dataset.page)); save(); });
    });
    questionBoxes().forEach((box, index) => {
      box.addEventListener("change", (event) => { state.answers[index] = Number(event.target.value); save(); });
    });
    document.getElementById("course-check").addEventListener("click", check);
    document.getElementById("course-retry").addEventListener("click", retry);
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
  }

  connect();
  listen();
  showPage(state.page);
  showAnswers();
  showFeedback();
}());
