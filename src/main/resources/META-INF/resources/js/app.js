// Small comforts on top of pages that work without JavaScript. No inline handlers: the CSP forbids them.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  document.addEventListener('DOMContentLoaded', function () {
    // The printable report's Print button (hidden in print; without JavaScript the browser's own print works).
    document.querySelectorAll('button[data-print]').forEach(function (button) {
      button.addEventListener('click', function () {
        window.print();
      });
    });

    // Buttons that stamp a time ask first; the form posts as usual.
    document.querySelectorAll('button[data-confirm]').forEach(function (button) {
      button.form.addEventListener('submit', function (event) {
        if (!window.confirm(button.getAttribute('data-confirm'))) {
          event.preventDefault();
        }
      });
    });

    // A checkbox shows the field it governs only while ticked (the exclusion reason).
    document.querySelectorAll('input[type=checkbox][data-toggles]').forEach(function (box) {
      var target = document.getElementById(box.getAttribute('data-toggles'));
      if (!target) {
        return;
      }
      var sync = function () {
        target.hidden = !box.checked && !target.classList.contains('invalid');
      };
      box.addEventListener('change', sync);
      sync();
    });

    // Choosing a zone shows the page in it at once; without JavaScript the button next to it does.
    document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
      select.form.setAttribute('data-has-autosubmit', '');
      select.addEventListener('change', function () {
        select.form.submit();
      });
    });
  });
}());
