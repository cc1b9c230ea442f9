// Live progress of the patrol started from this server: polls the JSON API while one runs.
// Served as a file because the pages' Content-Security-Policy allows no inline script.
(function () {
  "use strict";
  var state = document.getElementById("live-state");
  var lines = document.getElementById("live-lines");
  if (!state || !lines) {
    return;
  }
  var wasRunning = state.getAttribute("data-running") === "true";
  function poll() {
    fetch("api/patrols/current", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (live) {
        if (!live) {
          return;
        }
        lines.textContent = live.lines.join("\n");
        lines.scrollTop = lines.scrollHeight;
        if (live.running) {
          wasRunning = true;
          setTimeout(poll, 1000);
        } else if (wasRunning) {
          // Finished: reload once for the runs table and the final state.
          window.location.reload();
        }
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  if (wasRunning) {
    poll();
  }
})();
