// Programme pages: "tick everyone" buttons, and the countdown on the QR check-in screen.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-check-all]");
    if (!button) return;
    var name = button.getAttribute("data-check-all");
    var boxes = document.querySelectorAll('input[type="checkbox"][name="' + name + '"]');
    var allTicked = Array.prototype.every.call(boxes, function (box) { return box.checked; });
    boxes.forEach(function (box) { box.checked = !allTicked; });
  });
  // The QR partial says how many seconds its code has left; count them down between refreshes.
  setInterval(function () {
    var counter = document.querySelector("[data-seconds-left]");
    if (!counter) return;
    var left = parseInt(counter.getAttribute("data-seconds-left"), 10) - 1;
    if (left < 0) left = 0;
    counter.setAttribute("data-seconds-left", String(left));
    counter.textContent = String(left);
  }, 1000);
})();
