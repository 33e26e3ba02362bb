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
