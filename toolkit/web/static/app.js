// The toolkit web view: live transliteration (no framework, no network beyond this server).
"use strict";

(function () {
  var form = document.getElementById("translit-form");
  if (!form) return;
  var text = document.getElementById("translit-text");
  var scheme = document.getElementById("translit-scheme");
  var reverse = document.getElementById("translit-reverse");
  var glossary = document.getElementById("translit-glossary");
  var result = document.getElementById("translit-result");
  var error = document.getElementById("translit-error");
  var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var timer = null;
  var sent = 0;

  function syncReverse() {
    var reversible = scheme.selectedOptions[0].dataset.reversible === "yes";
    reverse.disabled = !reversible;
    if (!reversible) reverse.checked = false;
  }

  function showError(message) {
    error.textContent = message;
    error.hidden = !message;
  }

  function update() {
    var mine = ++sent;
    fetch("/api/translit", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
      credentials: "same-origin",
      body: JSON.stringify({
        text: text.value, scheme: scheme.value,
        reverse: reverse.checked, glossary: glossary.checked
      })
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (answer) {
      if (mine !== sent) return; // a newer request is on its way
      if (answer.ok) { result.textContent = answer.body.result; showError(""); }
      else { showError(answer.body.error || "error"); }
    }).catch(function () {
      if (mine === sent) showError("The server did not answer.");
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  }

  text.addEventListener("input", later);
  [scheme, reverse, glossary].forEach(function (el) {
    el.addEventListener("change", function () { syncReverse(); update(); });
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  syncReverse();
})();

// The glossary editor: "Add another term" copies the last group of rows of a new term,
// numbered after the others (the form works without this: it always has some empty rows).
(function () {
  var button = document.querySelector("button.add-term");
  var table = document.querySelector("table.edit-terms");
  if (!button || !table) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var groups = table.querySelectorAll("tbody.new-term");
    var last = groups[groups.length - 1];
    var next = 0;
    groups.forEach(function (group) {
      next = Math.max(next, parseInt(group.dataset.prefix.split(".")[1], 10) + 1);
    });
    var prefix = "n." + next + ".";
    var group = last.cloneNode(true);
    group.dataset.prefix = prefix;
    group.querySelectorAll("tr.row-errors").forEach(function (row) { row.remove(); });
    group.querySelectorAll("input, select").forEach(function (field) {
      field.name = prefix + field.name.split(".").slice(2).join(".");
      var label = field.getAttribute("aria-label") || "";
      field.setAttribute("aria-label", label.replace(/new term \d+/, "new term " + (next + 1)));
      if (field.type === "checkbox") field.checked = false;
      else if (field.tagName === "INPUT") field.value = "";
    });
    table.appendChild(group);
    group.querySelector("input").focus();
  });
})();
