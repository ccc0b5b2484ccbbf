// The facilitator's consensus form: show, as plans are ticked, what the chosen plans cost per part and
// in total against the budget. Progressive enhancement: without it the server checks the budget on submit.
(function () {
  "use strict";
  const form = document.querySelector("[data-consensus-form]");
  if (!form) return;
  const lang = document.documentElement.lang || "nl";
  const money = new Intl.NumberFormat(lang === "en" ? "en-GB" : "nl-NL", {
    style: "currency", currency: "EUR", minimumFractionDigits: 0, maximumFractionDigits: 2,
  });
  const over = form.dataset.overText || "";
  const show = (output, cents, budget) => {
    // The amount, and in words (not only by colour and sign) when it is more than the budget.
    output.textContent = money.format(cents / 100) + (cents > budget && over ? " (" + over + ")" : "");
    output.classList.toggle("outcome-over-budget", cents > budget);
  };
  const update = () => {
    let total = 0;
    form.querySelectorAll("[data-section]").forEach((fieldset) => {
      let cents = 0;
      fieldset.querySelectorAll("input[name=chosen]:checked").forEach((box) => { cents += Number(box.dataset.cost); });
      total += cents;
      const output = fieldset.querySelector("[data-section-total]");
      if (output) show(output, cents, Number(fieldset.dataset.budget));
    });
    const output = form.querySelector("[data-total]");
    if (output) show(output, total, Number(form.dataset.totalBudget));
  };
  form.addEventListener("change", update);
  update();
})();
