/* The attempt page: a countdown (the server keeps the real clock and closes late attempts),
   submitting when the time runs out, and saving answers as the learner goes. */
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  if (!form) return;
  var status = document.getElementById("quiz-save-status");
  var submitting = false;
  form.addEventListener("submit", function () { submitting = true; });

  function submitNow() {
    if (submitting) return;
    submitting = true;
    form.submit();
  }

  // --- countdown ---
  var timer = document.getElementById("quiz-timer");
  if (timer) {
    var endsAt = Date.now() + parseInt(timer.dataset.secondsLeft, 10) * 1000;
    var value = document.getElementById("quiz-timer-value");
    var warning = document.getElementById("quiz-timer-warning");
    var handle = null;
    var tick = function () {
      var left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
      var hours = Math.floor(left / 3600);
      var minutes = Math.floor((left % 3600) / 60);
      var seconds = String(left % 60).padStart(2, "0");
      value.textContent = (hours ? hours + ":" + String(minutes).padStart(2, "0") : minutes) + ":" + seconds;
      if (left <= 60 && warning.hidden) warning.hidden = false;
      if (left === 0) {
        window.clearInterval(handle);
        submitNow();
      }
    };
    handle = window.setInterval(tick, 1000);
    tick();
  }

  // --- autosave ---
  var url = form.dataset.autosaveUrl;
  var dirty = false;
  var pending = null;
  var inFlight = false;

  function save() {
    if (!dirty || submitting || inFlight || !url) return;
    dirty = false;
    inFlight = true;
    fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (answer) {
        if (answer.ok) {
          status.textContent = form.dataset.savedText;
        } else if (answer.body && answer.body.result_url) {
          // Time ran out or the attempt was closed elsewhere: the result page says what counted.
          submitting = true;
          window.location.assign(answer.body.result_url);
        }
      })
      .catch(function () {
        dirty = true;
        status.textContent = form.dataset.offlineText;
      })
      .then(function () { inFlight = false; });
  }

  function later(delay) {
    dirty = true;
    window.clearTimeout(pending);
    pending = window.setTimeout(save, delay);
  }

  form.addEventListener("change", function () { later(1000); });
  form.addEventListener("input", function (event) {
    if (event.target && event.target.type === "text") later(3000);
  });
  // Retry a save that failed while offline.
  window.setInterval(save, 30000);
})();
