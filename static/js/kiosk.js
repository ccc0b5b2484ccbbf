/* Kiosk mode (voting/kiosk): back to the empty code page after a minute without a touch.
   A page that wants it names the minute in <meta name="buurtbudget-kiosk-idle">; 20 seconds before,
   a warning with a button lets the voter stay (WCAG 2.2.1). Without JavaScript, a <noscript>
   refresh does the same after the minute, without the warning. */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="buurtbudget-kiosk-idle"]');
  if (!meta) { return; }
  var seconds = parseInt(meta.getAttribute("content"), 10) || 60;
  var url = meta.getAttribute("data-url");
  var warnBefore = Math.min(20, seconds);
  var warning = document.getElementById("kiosk-idle-warning");
  var warnTimer = null;
  var leaveTimer = null;

  function restart() {
    if (warning) { warning.hidden = true; }
    window.clearTimeout(warnTimer);
    window.clearTimeout(leaveTimer);
    warnTimer = window.setTimeout(function () {
      if (warning) { warning.hidden = false; }
    }, (seconds - warnBefore) * 1000);
    leaveTimer = window.setTimeout(function () { window.location.replace(url); }, seconds * 1000);
  }

  ["pointerdown", "keydown", "input", "wheel", "touchstart"].forEach(function (type) {
    document.addEventListener(type, restart, { capture: true, passive: true });
  });
  restart();
})();
