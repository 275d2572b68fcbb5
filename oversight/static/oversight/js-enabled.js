// Loaded (not deferred) straight after <body> opens: GOV.UK Frontend's CSS shows and hides
// its JavaScript-only parts by these classes, so they must be there before first paint.
// A file, not an inline script, so the Content-Security-Policy can refuse inline scripts.
document.body.className +=
  " js-enabled" +
  ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
