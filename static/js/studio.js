/* Content studio: confirm before removing, add competency rows, refuse an oversized file before sending it.
   Every page works without this script; it only saves round trips. */
(function () {
  "use strict";

  // Forms that remove something ask first.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });

  // The competency picker: one more row from the <template>, numbered as Django's formset expects.
  var picker = document.getElementById("competency-picker");
  if (picker) {
    var add = picker.querySelector("[data-formset-add]");
    var body = picker.querySelector("[data-formset-body]");
    var empty = picker.querySelector("template[data-formset-empty]");
    var total = picker.querySelector('input[name$="-TOTAL_FORMS"]');
    var max = picker.querySelector('input[name$="-MAX_NUM_FORMS"]');
    if (add && body && empty && total) {
      add.hidden = false;
      add.addEventListener("click", function () {
        var index = parseInt(total.value, 10);
        if (max && index >= parseInt(max.value, 10)) return;
        var html = empty.innerHTML.replace(/__prefix__/g, String(index));
        body.insertAdjacentHTML("beforeend", html);
        total.value = String(index + 1);
        var select = body.lastElementChild && body.lastElementChild.querySelector("select");
        if (select) select.focus();
      });
    }
  }

  // A file over the limit is refused at once: on a slow office line uploading it would take hours.
  document.querySelectorAll("form.studio-upload[data-max-bytes]").forEach(function (form) {
    var limit = parseInt(form.dataset.maxBytes, 10);
    var warning = form.querySelector(".studio-size-warning");
    if (!limit) return;
    var inputs = form.querySelectorAll('input[type="file"]');
    function check() {
      var tooBig = false;
      inputs.forEach(function (input) {
        var big = input.files.length > 0 && input.files[0].size > limit;
        input.setCustomValidity(big && warning ? warning.textContent : "");
        tooBig = tooBig || big;
      });
      if (warning) warning.hidden = !tooBig;
      return !tooBig;
    }
    inputs.forEach(function (input) { input.addEventListener("change", check); });
    form.addEventListener("submit", function (event) {
      if (!check()) { event.preventDefault(); if (inputs[0]) inputs[0].focus(); }
    });
  });
})();
