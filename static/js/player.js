/* The course player: saves learning progress without getting in the learner's way.
 *
 * Updates are kept in a queue (one entry per resource, mirrored in localStorage so a lost
 * connection or a closed tab loses nothing) and sent in batches: every 15 s, at once on
 * pause, end and "mark as done", and with navigator.sendBeacon when the page is hidden or
 * closed. The server is idempotent and never moves progress back, so sending an update
 * twice is harmless: an entry leaves the queue only when a request that carried it has
 * succeeded. Without JavaScript the page still works: its buttons are plain form posts.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-player]");
  if (!root || !window.URLSearchParams) {
    return;
  }
  var d = root.dataset;
  var url = d.progressUrl;
  var csrf = d.csrf;
  var resourceId = parseInt(d.resource, 10);
  var kind = d.kind;
  var pageCount = parseInt(d.pageCount, 10) || 0;
  var savedPercent = parseInt(d.percent, 10) || 0;
  var STORE = "kshamta.progress.pending." + d.user;
  var FLUSH_MS = 15000;
  var RECORD_MS = 5000;
  var MAX_BATCH = 100;
  var MAX_RETRY_MS = 120000;
  var statusEl = root.querySelector("[data-status]");
  var courseBar = root.querySelector("[data-course-progress]");
  var coursePercent = root.querySelector("[data-course-percent]");

  // --- the queue -------------------------------------------------------------------

  var memory = [];

  function load() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(STORE) || "[]");
      return Array.isArray(stored) ? stored : [];
    } catch (e) {
      return memory.slice();
    }
  }

  function store(queue) {
    memory = queue.slice();
    try {
      if (queue.length) {
        window.localStorage.setItem(STORE, JSON.stringify(queue));
      } else {
        window.localStorage.removeItem(STORE);
      }
    } catch (e) {
      /* Storage full or disabled: the in-memory copy still gets sent. */
    }
  }

  /* Add an update, merged with any pending one for the same resource: the highest share,
     and the place (position, page) of the newest. ISO times in UTC compare as strings. */
  /* What the server last acknowledged per resource, so a repeat (pause then ended, leaving
     the page) is not queued and sent again. */
  var acknowledged = {};

  function stateOf(entry) {
    return [entry.percent, entry.position, entry.page].join("/");
  }

  function record(update) {
    var queue = load();
    var pending = queue.filter(function (entry) {
      return entry.resource === update.resource;
    })[0];
    var base = pending || acknowledged[update.resource];
    if (
      base &&
      update.percent <= base.percent &&
      (update.position === null || update.position === base.position) &&
      (update.page === null || update.page === base.page)
    ) {
      return;
    }
    update.at = new Date().toISOString();
    for (var i = 0; i < queue.length; i++) {
      var old = queue[i];
      if (old.resource === update.resource) {
        queue[i] = {
          resource: update.resource,
          percent: Math.max(old.percent, update.percent),
          position: update.position !== null ? update.position : old.position,
          page: update.page !== null ? update.page : old.page,
          at: update.at > old.at ? update.at : old.at
        };
        store(queue);
        return;
      }
    }
    queue.push(update);
    store(queue);
  }

  /* Drop what a successful request carried, unless it has changed since it was sent. */
  function acknowledge(sent) {
    sent.forEach(function (s) {
      var known = acknowledged[s.resource];
      if (!known || stateOf(known) !== stateOf(s)) {
        acknowledged[s.resource] = { percent: s.percent, position: s.position, page: s.page };
      }
    });
    var queue = load().filter(function (entry) {
      return !sent.some(function (s) {
        return s.resource === entry.resource && s.at === entry.at && s.percent === entry.percent;
      });
    });
    store(queue);
  }

  function formBody(items) {
    var body = new URLSearchParams();
    body.set("csrfmiddlewaretoken", csrf);
    body.set("updates", JSON.stringify(items));
    return body;
  }

  // --- sending ---------------------------------------------------------------------

  var inflight = null;
  var retryMs = 0;
  var retryTimer = null;
  var signedOut = false;

  function say(message) {
    if (statusEl && message) {
      statusEl.textContent = message;
    }
  }

  function scheduleRetry() {
    if (retryTimer) {
      return;
    }
    retryMs = Math.min(Math.max(retryMs * 2, 5000), MAX_RETRY_MS);
    retryTimer = window.setTimeout(function () {
      retryTimer = null;
      flush();
    }, retryMs);
  }

  function show(data) {
    (data.results || []).forEach(function (result) {
      if (result.resource === resourceId && result.completed && !result.error && d.complete !== "1") {
        d.complete = "1";
        savedPercent = 100;
        say(d.msgComplete);
      }
    });
    (data.enrolments || []).forEach(function (summary) {
      if (courseBar && summary.course === d.course) {
        courseBar.value = summary.progress_percent;
        courseBar.textContent = summary.progress_percent + " %";
        if (coursePercent && d.msgCoursePercent) {
          coursePercent.textContent = d.msgCoursePercent.replace("{percent}", summary.progress_percent);
        }
      }
    });
  }

  /* Send up to MAX_BATCH pending updates. Resolves to true when they were accepted. */
  function flush() {
    if (inflight) {
      return inflight;
    }
    var items = load().slice(0, MAX_BATCH);
    if (!items.length || signedOut) {
      return Promise.resolve(true);
    }
    inflight = window
      .fetch(url, {
        method: "POST",
        body: formBody(items),
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrf, Accept: "application/json" },
        keepalive: true
      })
      .then(function (response) {
        if (response.ok) {
          return response.json().then(function (data) {
            acknowledge(items);
            retryMs = 0;
            show(data);
            return true;
          });
        }
        if (response.status === 401 || response.status === 403) {
          // Kept for after signing in again: the next page load sends them.
          signedOut = true;
          say(d.msgSignedOut);
          return false;
        }
        if (response.status === 400 || response.status === 422) {
          // Malformed beyond repair (an old page's format): retrying cannot help.
          acknowledge(items);
          return false;
        }
        throw new Error("HTTP " + response.status);
      })
      .catch(function () {
        say(d.msgOffline);
        scheduleRetry();
        return false;
      })
      .then(function (ok) {
        inflight = null;
        if (ok && load().length > 0 && !retryTimer) {
          window.setTimeout(flush, 0);
        }
        return ok;
      });
    return inflight;
  }

  /* The page is going away: hand what is pending to the browser, which sends it even after
     the page is gone. The entries stay queued until a later request confirms them. */
  function beacon() {
    var items = load().slice(0, MAX_BATCH);
    if (!items.length || signedOut) {
      return;
    }
    if (!(navigator.sendBeacon && navigator.sendBeacon(url, formBody(items)))) {
      flush();
    }
  }

  // --- video and audio -------------------------------------------------------------

  var media = root.querySelector("[data-media]");
  var lastRecorded = 0;

  /* The share of the media played: this visit's played ranges, joined with the share
     credited before (taken as watched from the start, since earlier visits' ranges are gone). */
  function playedShare() {
    var duration = media.duration;
    if (!duration || !isFinite(duration)) {
      return null;
    }
    var ranges = [[0, (duration * savedPercent) / 100]];
    for (var i = 0; i < media.played.length; i++) {
      ranges.push([media.played.start(i), media.played.end(i)]);
    }
    ranges.sort(function (a, b) {
      return a[0] - b[0];
    });
    var covered = 0;
    var reach = 0;
    ranges.forEach(function (range) {
      var start = Math.max(range[0], reach);
      if (range[1] > start) {
        covered += range[1] - start;
        reach = range[1];
      }
    });
    return Math.min(100, Math.floor((covered / duration) * 100));
  }

  function noteMedia(force) {
    if (!media) {
      return;
    }
    var now = Date.now();
    if (!force && now - lastRecorded < RECORD_MS) {
      return;
    }
    var share = playedShare();
    if (share === null) {
      return;
    }
    lastRecorded = now;
    record({ resource: resourceId, percent: share, position: Math.floor(media.currentTime), page: null });
  }

  if (media) {
    media.addEventListener("loadedmetadata", function () {
      var position = parseInt(d.position, 10) || 0;
      if (position > 0 && media.duration && position < media.duration - 3) {
        media.currentTime = position;
      }
    });
    media.addEventListener("timeupdate", function () {
      noteMedia(false);
    });
    media.addEventListener("seeked", function () {
      noteMedia(true);
    });
    ["pause", "ended"].forEach(function (name) {
      media.addEventListener(name, function () {
        noteMedia(true);
        flush();
      });
    });
  }

  // --- "mark as read", "pages read" --------------------------------------------------

  Array.prototype.forEach.call(root.querySelectorAll("[data-mark-form]"), function (form) {
    form.addEventListener("submit", function (event) {
      var whole = !!(event.submitter && event.submitter.hasAttribute("data-whole"));
      var percent = 100;
      var page = null;
      if (kind === "pdf") {
        if (whole || !pageCount) {
          page = pageCount || null;
        } else {
          var input = form.querySelector("[data-pages]");
          var pages = parseInt(input && input.value, 10);
          if (isNaN(pages) || pages < 0 || pages > pageCount) {
            return; // the server explains what is wrong
          }
          percent = Math.floor((100 * pages) / pageCount);
          page = pages;
        }
      }
      event.preventDefault();
      record({ resource: resourceId, percent: percent, position: null, page: page });
      flush().then(function (ok) {
        if (ok && d.complete === "1") {
          if (kind !== "pdf") {
            form.hidden = true;
          }
        } else if (ok) {
          say(d.msgSaved);
        }
      });
    });
  });

  // --- when to send ----------------------------------------------------------------

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      noteMedia(true);
      beacon();
    } else {
      flush();
    }
  });
  window.addEventListener("pagehide", function () {
    noteMedia(true);
    beacon();
  });
  window.addEventListener("online", flush);
  window.setInterval(function () {
    if (media && !media.paused) {
      noteMedia(true);
    }
    flush();
  }, FLUSH_MS);

  // Opening a part makes it the place "continue" comes back to; this also sends anything a
  // previous visit could not.
  if (kind !== "assessment") {
    record({ resource: resourceId, percent: 0, position: null, page: null });
  }
  flush();
})();
