// Light/dark theme. Loaded synchronously in <head> so a stored choice applies before the first paint (no flash).
// Without a stored choice the stylesheet follows prefers-color-scheme; the toggle pins the opposite of what is shown.
(function () {
  'use strict';

  var storageKey = 'docsfy-theme';
  var root = document.documentElement;

  function read() {
    try { return localStorage.getItem(storageKey); } catch (e) { return null; }
  }

  function write(theme) {
    // Storage can be unavailable (privacy modes); the choice then lasts for this page only.
    try { localStorage.setItem(storageKey, theme); } catch (e) { }
  }

  function shown() {
    if (root.dataset.theme) return root.dataset.theme;
    return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  var stored = read();
  if (stored === 'light' || stored === 'dark') root.dataset.theme = stored;

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('[data-theme-toggle]');
    if (!button) return;

    function describe() {
      var label = shown() === 'dark' ? 'Switch to light theme' : 'Switch to dark theme';
      button.setAttribute('aria-label', label);
      button.title = label;
    }

    button.addEventListener('click', function () {
      var next = shown() === 'dark' ? 'light' : 'dark';
      root.dataset.theme = next;
      write(next);
      describe();
    });

    describe();
    button.hidden = false;
  });
})();
