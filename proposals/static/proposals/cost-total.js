/* The cost step's running total, and the focus on a line just added; the server checks everything. */
(function () {
  "use strict";

  function start() {
    var form = document.getElementById("cost-form");
    var output = document.getElementById("cost-total");
    if (!form || !output) return;
    var language = document.documentElement.lang === "en" ? "en-GB" : "nl-NL";
    // The same reading of an amount as the server's (ui/fields.py parse_euros).
    function cents(text) {
      var t = text.replace(/[€\s\u00a0]/g, "");
      if (!t) return 0;
      if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(t)) t = t.replace(/\./g, "").replace(",", ".");
      else if (/^\d{1,3}((,\d{3}){2,}(\.\d{1,2})?|,\d{3}\.\d{1,2})$/.test(t)) t = t.replace(/,/g, "");
      else t = t.replace(",", ".");
      if (!/^\d+(\.\d{1,2})?$/.test(t)) return NaN;
      return Math.round(parseFloat(t) * 100);
    }
    function update() {
      var total = 0;
      var inputs = form.querySelectorAll("input[name$='-amount']");
      for (var i = 0; i < inputs.length; i++) {
        var value = cents(inputs[i].value);
        if (isNaN(value)) { output.textContent = output.dataset.invalid; return; }
        total += value;
      }
      output.textContent = new Intl.NumberFormat(language, {
        style: "currency", currency: "EUR", minimumFractionDigits: total % 100 ? 2 : 0, maximumFractionDigits: 2
      }).format(total / 100);
    }
    form.addEventListener("input", update);
    if (form.dataset.focus) {
      var added = document.getElementById(form.dataset.focus);
      if (added) added.focus();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
