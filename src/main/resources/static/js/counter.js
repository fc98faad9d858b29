// The counter screens' few behaviours that htmx does not cover (CSP: scripts from this origin only).
document.addEventListener('DOMContentLoaded', function () {
  // A refused submission: move the focus to the message, so a screen reader reads it and Tab continues from there.
  var problem = document.getElementById('problem');
  if (problem) { problem.focus(); }
  document.querySelectorAll('[data-print]').forEach(function (b) {
    b.addEventListener('click', function () { window.print(); });
  });
  // Print the certificate shown in the preview frame (the browser's PDF viewer prints it as is).
  document.querySelectorAll('[data-print-frame]').forEach(function (b) {
    b.addEventListener('click', function () {
      var frame = document.getElementById(b.getAttribute('data-print-frame'));
      if (frame && frame.contentWindow) { frame.contentWindow.focus(); frame.contentWindow.print(); }
    });
  });
});
