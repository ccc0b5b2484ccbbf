/* The panel sign-up page: an invitation letter's QR code links to /panel/<edition>/aanmelden/#code=…
 * The fragment never reaches the server; this fills the response-code field from it, then removes
 * it from the address bar. The page works without it (the resident types the code).
 */
(function () {
  "use strict";
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
})();
