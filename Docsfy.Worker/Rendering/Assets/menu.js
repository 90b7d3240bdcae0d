// The page list at phone width: a Menu button in the header shows or hides it above the page, so a reader on a phone
// does not have to scroll past the whole page to find the next one. Wider screens always show the list beside the page.
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('[data-menu-toggle]');
    var nav = document.getElementById('docsfy-nav');
    if (!button || !nav) return;

    function set(open) {
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      nav.classList.toggle('open', open);
    }

    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      set(open);
      if (open) {
        var current = nav.querySelector('[aria-current="page"]') || nav.querySelector('a');
        if (current) current.focus();
      }
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
        set(false);
        button.focus();
      }
    });
    button.hidden = false;
  });
})();
