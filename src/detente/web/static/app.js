// detente review app: reader highlights, review actions, keyboard shortcuts.
// Served as a file: the Content-Security-Policy allows no inline script.
(function () {
  "use strict";

  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var who = document.getElementById("reviewer");
  if (who) {
    var saved = window.localStorage.getItem("detente-reviewer");
    if (saved) { who.value = saved; }
    who.addEventListener("change", function () {
      window.localStorage.setItem("detente-reviewer", who.value.trim());
    });
  }

  function say(text, kind) {
    var box = document.getElementById("message");
    if (!box) { return; }
    box.textContent = text;
    box.className = "message " + (kind || "error");
    box.hidden = false;
  }

  function post(url, body) {
    body.reviewer = who ? who.value.trim() : "";
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf},
      body: JSON.stringify(body)
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (!res.ok) {
          var detail = data && data.detail;
          if (typeof detail !== "string") { detail = JSON.stringify(detail); }
          say(detail || ("request failed: " + res.status), res.status === 409 ? "conflict" : "error");
          throw new Error(detail);
        }
        return data;
      });
    });
  }

  function reloadAt(hash) {
    if (hash) { window.location.hash = hash; }
    window.location.reload();
  }

  // ---------------------------------------------------------------- reader
  var reader = document.querySelector(".reader");
  var text = document.getElementById("text");
  var cards = Array.prototype.slice.call(document.querySelectorAll(".claim-card"));
  var current = null;
  var selection = null;  // {start, end, quote} in code points of the report text

  function select(card, scroll) {
    if (!card) { return; }
    cards.forEach(function (c) { c.classList.remove("selected"); });
    var marks = document.querySelectorAll("#text mark.active");
    for (var i = 0; i < marks.length; i++) { marks[i].classList.remove("active"); }
    card.classList.add("selected");
    current = card;
    var ref = card.id.replace("card-", "");
    var all = document.querySelectorAll("#text mark");
    var first = null;
    for (var j = 0; j < all.length; j++) {
      var refs = (all[j].getAttribute("data-refs") || "").split(" ");
      if (refs.indexOf(ref) >= 0) { all[j].classList.add("active"); first = first || all[j]; }
    }
    if (scroll !== false) {
      card.scrollIntoView({block: "nearest"});
      if (first) { first.scrollIntoView({block: "nearest"}); }
    }
  }

  function fieldsOf(card) {
    try { return JSON.parse(card.getAttribute("data-fields") || "{}"); } catch (e) { return {}; }
  }

  function fill(form, f) {
    form.elements.actor.value = f.actor || "";
    form.elements.kind.value = f.kind || "demand";
    form.elements.issue.value = f.issue || "other";
    form.elements.places.value = (f.places || []).join(", ");
    form.elements.sources.value = (f.sources || []).join("; ");
    form.elements.date.value = f.date || "";
    ["conditional", "hedged", "negated", "denied"].forEach(function (k) {
      form.elements[k].checked = !!f[k];
    });
  }

  function read(form) {
    function list(v, sep) {
      return v.split(sep).map(function (s) { return s.trim(); }).filter(Boolean);
    }
    return {
      actor: form.elements.actor.value.trim(),
      kind: form.elements.kind.value,
      issue: form.elements.issue.value,
      places: list(form.elements.places.value, ","),
      sources: list(form.elements.sources.value, ";"),
      date: form.elements.date.value || null,
      conditional: form.elements.conditional.checked,
      hedged: form.elements.hedged.checked,
      negated: form.elements.negated.checked,
      denied: form.elements.denied.checked
    };
  }

  function act(card, action) {
    if (!card) { return; }
    if (action === "edit") { openEdit(card); return; }
    post("/api/claims/" + card.getAttribute("data-claim") + "/review", {
      action: action,
      version: parseInt(card.getAttribute("data-version"), 10) || 0,
      changes: {}
    }).then(function () { reloadAt(card.id.replace("card-", "")); }, function () {});
  }

  var editForm = document.getElementById("edit-form");
  function openEdit(card) {
    if (!editForm) { return; }
    select(card);
    fill(editForm, fieldsOf(card));
    card.appendChild(editForm);
    editForm.hidden = false;
    editForm.elements.actor.focus();
  }
  if (editForm) {
    editForm.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var card = editForm.closest(".claim-card");
      if (!card) { return; }
      var before = fieldsOf(card);
      var after = read(editForm);
      var changes = {};
      Object.keys(after).forEach(function (k) {
        var a = JSON.stringify(after[k]);
        var b = JSON.stringify(before[k] === undefined ? null : before[k]);
        if (a !== b && !(after[k] === null && !before[k])) { changes[k] = after[k]; }
      });
      if (!Object.keys(changes).length) { editForm.hidden = true; return; }
      post("/api/claims/" + card.getAttribute("data-claim") + "/review", {
        action: "edit",
        version: parseInt(card.getAttribute("data-version"), 10) || 0,
        changes: changes
      }).then(function () { reloadAt(card.id.replace("card-", "")); }, function () {});
    });
  }

  // Offsets in the report are code points; the DOM counts UTF-16 units.
  function codePoints(s) { return Array.from(s).length; }

  function offsetIn(container, node, offset) {
    var range = document.createRange();
    range.setStart(container, 0);
    range.setEnd(node, offset);
    return codePoints(range.toString());
  }

  var addButton = document.getElementById("add-button");
  var addForm = document.getElementById("add-form");
  function trackSelection() {
    if (!text) { return; }
    var sel = window.getSelection();
    selection = null;
    if (sel && sel.rangeCount && !sel.isCollapsed) {
      var range = sel.getRangeAt(0);
      if (text.contains(range.startContainer) && text.contains(range.endContainer)) {
        var start = offsetIn(text, range.startContainer, range.startOffset);
        var end = offsetIn(text, range.endContainer, range.endOffset);
        if (end > start) { selection = {start: start, end: end, quote: range.toString()}; }
      }
    }
    if (addButton) { addButton.disabled = !selection; }
  }
  function openAdd() {
    if (!selection || !addForm) { return; }
    fill(addForm, {});
    addForm.elements.issue.value = "other";
    addForm.setAttribute("data-start", selection.start);
    addForm.setAttribute("data-end", selection.end);
    document.getElementById("add-quote").textContent = selection.quote;
    addForm.hidden = false;
    addForm.elements.actor.focus();
  }
  if (addButton) { addButton.addEventListener("click", openAdd); }
  if (addForm) {
    addForm.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var body = read(addForm);
      body.start = parseInt(addForm.getAttribute("data-start"), 10);
      body.end = parseInt(addForm.getAttribute("data-end"), 10);
      post("/api/reports/" + reader.getAttribute("data-report") + "/claims", body)
        .then(function (claim) { reloadAt("c" + claim.id); }, function () {});
    });
  }
  document.addEventListener("selectionchange", trackSelection);

  Array.prototype.forEach.call(document.querySelectorAll(".claim-form .cancel"), function (b) {
    b.addEventListener("click", function () { b.closest("form").hidden = true; });
  });

  if (text) {
    text.addEventListener("click", function (ev) {
      var mark = ev.target.closest ? ev.target.closest("mark") : null;
      if (!mark || !window.getSelection().isCollapsed) { return; }
      var refs = (mark.getAttribute("data-refs") || "").split(" ").filter(Boolean);
      // Repeated clicks on overlapping spans cycle through their records.
      var at = current ? refs.indexOf(current.id.replace("card-", "")) : -1;
      var ref = refs[(at + 1) % refs.length];
      var card = document.getElementById("card-" + ref);
      if (card && card.classList.contains("claim-card")) { select(card); }
      else if (card) { card.scrollIntoView({block: "nearest"}); card.classList.add("flash"); }
    });
  }
  cards.forEach(function (card) {
    card.addEventListener("click", function (ev) {
      var button = ev.target.closest ? ev.target.closest("button[data-action]") : null;
      if (button) { act(card, button.getAttribute("data-action")); return; }
      if (!ev.target.closest("form")) { select(card, true); }
    });
  });

  var redate = document.getElementById("redate-form");
  if (redate) {
    redate.addEventListener("submit", function (ev) {
      ev.preventDefault();
      post("/api/reports/" + reader.getAttribute("data-report") + "/date",
        {published: redate.elements.published.value}).then(function () { reloadAt(""); }, function () {});
    });
  }
  var move = document.getElementById("move-form");
  if (move) {
    move.addEventListener("submit", function (ev) {
      ev.preventDefault();
      post("/api/reports/" + reader.getAttribute("data-report") + "/negotiation",
        {negotiation: move.elements.negotiation.value}).then(function () { reloadAt(""); }, function () {});
    });
  }

  if (window.location.hash) {
    var target = document.getElementById("card-" + window.location.hash.slice(1));
    if (target) { select(target); }
  }

  // ---------------------------------------------------------------- shortcuts
  var help = document.getElementById("help");
  document.addEventListener("keydown", function (ev) {
    var tag = (ev.target.tagName || "").toLowerCase();
    if (ev.key === "Escape") {
      if (help) { help.hidden = true; }
      Array.prototype.forEach.call(document.querySelectorAll(".claim-form"), function (f) { f.hidden = true; });
      return;
    }
    if (tag === "input" || tag === "select" || tag === "textarea" || ev.ctrlKey || ev.metaKey || ev.altKey) {
      return;
    }
    var i = current ? cards.indexOf(current) : -1;
    switch (ev.key) {
      case "j": select(cards[Math.min(i + 1, cards.length - 1)]); break;
      case "k": select(cards[Math.max(i - 1, 0)]); break;
      case "c": act(current, "confirm"); break;
      case "x": act(current, "reject"); break;
      case "e": act(current, "edit"); break;
      case "a": openAdd(); break;
      case "/":
        var box = document.getElementById("claims-q") || document.getElementById("global-search");
        if (box) { box.focus(); }
        break;
      case "?": if (help) { help.hidden = !help.hidden; } break;
      default: return;
    }
    ev.preventDefault();
  });
})();
