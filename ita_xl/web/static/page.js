// Optional comforts: drag and drop onto the file fields, a busy button, the size limit checked before sending,
// and keeping the results while their page is open. Every form works without this file.
"use strict";

document.querySelectorAll("[data-drop]").forEach(function (zone) {
  var input = zone.querySelector("input[type=file]");
  var text = zone.querySelector("[data-drop-text]");
  function show() {
    // A single file's name is shown by the browser beside its button; several are listed here.
    if (input.multiple && input.files.length) {
      text.textContent = Array.prototype.map.call(input.files, function (f) { return f.name; }).join(", ");
    }
  }
  input.addEventListener("change", show);
  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (e) {
    e.preventDefault();
    if (!e.dataTransfer || !e.dataTransfer.files.length) { return; }
    var files = e.dataTransfer.files;
    if (!input.multiple && files.length > 1) {
      var one = new DataTransfer();
      one.items.add(files[0]);
      files = one.files;
    }
    input.files = files;
    show();
  });
});

document.querySelectorAll("form[data-busy]").forEach(function (form) {
  form.addEventListener("submit", function (e) {
    var total = 0;
    form.querySelectorAll("input[type=file]").forEach(function (input) {
      Array.prototype.forEach.call(input.files, function (f) { total += f.size; });
    });
    var box = form.querySelector("[data-client-error]");
    if (total > Number(form.dataset.maxBytes)) {
      e.preventDefault();
      box.textContent = form.dataset.tooLarge;
      box.hidden = false;
      return;
    }
    box.hidden = true;
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    button.textContent = form.dataset.busy;
  });
});

// Disabled buttons stay disabled when the browser restores the page from its cache (the Back button).
window.addEventListener("pageshow", function (e) {
  if (e.persisted) { window.location.reload(); }
});

var keeper = document.querySelector("[data-keep]");
if (keeper) {
  setInterval(function () {
    fetch(keeper.dataset.keep, { method: "POST", headers: { "X-CSRF-Token": keeper.dataset.csrf } });
  }, 60000);
}
