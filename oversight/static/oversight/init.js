// Starts GOV.UK Frontend's components. A file, not an inline script, so the
// Content-Security-Policy can refuse inline scripts.
import { initAll } from "./govuk-frontend.min.js";

initAll();
// Content that htmx swaps in needs its components started too. The initial
// htmx:load on <body> is skipped: initAll() above has already done the page.
document.addEventListener("htmx:load", (event) => {
  if (event.detail.elt !== document.body) initAll(event.detail.elt);
});
