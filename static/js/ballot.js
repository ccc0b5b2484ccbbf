/* The voting pages' enhancements; every page works without them (the server checks everything).
 *
 * 1. A letter's QR code links to /stemmen/<edition>/#code=XXXX: the fragment never reaches the
 *    server, and this fills the code field from it, then removes it from the address bar.
 * 2. The ballot's live status line per section: budget used (knapsack, with its bar), points left
 *    (cumulative), plans chosen (approval). The texts come translated from data attributes.
 * 3. A refused ballot's error summary takes the focus, so it is read first.
 */
(function () {
  "use strict";

  function fillCodeFromFragment() {
    var hash = window.location.hash;
    if (hash.indexOf("#code=") !== 0) return;
    var input = document.getElementById("id_code");
    if (input) {
      try {
        input.value = decodeURIComponent(hash.slice(6)).trim();
      } catch (e) {
        input.value = hash.slice(6);
      }
    }
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
  }

  // Amounts as the server writes them (ui/templatetags/money.py): English "€60,000", otherwise the
  // Dutch way "€ 60.000"; on a right-to-left page in a left-to-right isolate, so they keep their order.
  var language = document.documentElement.lang === "en" ? "en-GB" : "nl-NL";
  var rightToLeft = document.documentElement.dir === "rtl";

  function money(cents) {
    var text = new Intl.NumberFormat(language, {
      style: "currency",
      currency: "EUR",
      minimumFractionDigits: cents % 100 ? 2 : 0,
      maximumFractionDigits: 2
    }).format(cents / 100);
    return rightToLeft ? "\u2066" + text + "\u2069" : text;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : match;
    });
  }

  function wholeNumber(text) {
    text = text.trim();
    return /^\d+$/.test(text) ? parseInt(text, 10) : 0;
  }

  function setStatus(section, over, values) {
    var line = section.querySelector("[data-status]");
    if (!line) return;
    var template = over && line.dataset.overTemplate ? line.dataset.overTemplate : line.dataset.template;
    var text = fill(template, values);
    if (line.textContent !== text) line.textContent = text;
    var box = line.parentNode;
    if (box) box.classList.toggle("ballot-status--over", over);
  }

  function update(section) {
    var format = section.dataset.format;
    var checked = section.querySelectorAll("input[type=checkbox]:checked");
    if (format === "knapsack") {
      var budget = parseInt(section.dataset.budget, 10);
      var chosen = 0;
      for (var i = 0; i < checked.length; i++) chosen += parseInt(checked[i].dataset.cost, 10);
      var bar = section.querySelector("progress");
      if (bar) bar.value = Math.min(chosen, budget);
      setStatus(section, chosen > budget, {
        chosen: money(chosen),
        budget: money(budget),
        over: money(Math.max(0, chosen - budget))
      });
    } else if (format === "cumulative") {
      var allowed = parseInt(section.dataset.points, 10);
      var given = 0;
      var inputs = section.querySelectorAll("input[type=number]");
      for (var j = 0; j < inputs.length; j++) given += wholeNumber(inputs[j].value);
      setStatus(section, given > allowed, {
        left: String(Math.max(0, allowed - given)),
        given: String(given),
        points: String(allowed)
      });
    } else if (format === "approval") {
      var max = section.dataset.max ? parseInt(section.dataset.max, 10) : null;
      setStatus(section, max !== null && checked.length > max, {
        count: String(checked.length),
        allowed: max === null ? "" : String(max)
      });
    }
  }

  function enhanceBallot() {
    var sections = document.querySelectorAll("[data-ballot-section]");
    Array.prototype.forEach.call(sections, function (section) {
      section.addEventListener("input", function () { update(section); });
      section.addEventListener("change", function () { update(section); });
      update(section);
    });
    var error = document.getElementById("ballot-error") || document.getElementById("vote-error");
    if (error) error.focus();
  }

  function start() {
    fillCodeFromFragment();
    enhanceBallot();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
