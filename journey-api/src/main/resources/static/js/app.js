// Small enhancements on top of pages that work without JavaScript. No inline scripts (the Content-Security-Policy
// allows only this file and htmx), and nothing is loaded from elsewhere.
(function () {
    "use strict";
    // A <select data-submit-on-change> submits its form when changed (filters), keeping a visible button for
    // keyboard and no-script use.
    document.addEventListener("change", function (event) {
        var target = event.target;
        if (target.matches && target.matches("select[data-submit-on-change]") && target.form) {
            if (target.form.requestSubmit) {
                target.form.requestSubmit();
            } else {
                target.form.submit();
            }
        }
    });
})();

// Auditors: a <button data-print hidden> prints the page. It is shown only here, because only JavaScript can print
// from a button; without it the browser's own print does the same, with the same print stylesheet.
(function () {
    "use strict";
    document.querySelectorAll("button[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            window.print();
        });
    });
})();
