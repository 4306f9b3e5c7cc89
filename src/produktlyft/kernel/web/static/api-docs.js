// Starts Swagger UI on the API documentation page (/api/v1/docs); kept out of the page so the
// Content Security Policy needs no inline script.
(function () {
  "use strict";
  var host = document.getElementById("api-docs");
  if (!host || typeof SwaggerUIBundle === "undefined") {
    return;
  }
  var widget = document.createElement("div");
  widget.id = "swagger-ui";
  host.appendChild(widget);
  // Swagger UI draws a parameter's list of values as a select with no name: give it the
  // parameter's, as a screen reader needs, whenever an operation is opened; and its examples
  // as boxes that scroll sideways on a phone: let the keyboard reach them to scroll them.
  function mend() {
    var selects = widget.querySelectorAll("select:not([aria-label])");
    Array.prototype.forEach.call(selects, function (select) {
      var row = select.closest("tr[data-param-name]");
      if (row) {
        select.setAttribute("aria-label", row.getAttribute("data-param-name"));
      }
    });
    var examples = widget.querySelectorAll(".opblock-body pre:not([tabindex])");
    Array.prototype.forEach.call(examples, function (example) {
      example.setAttribute("tabindex", "0");
    });
  }
  new MutationObserver(mend).observe(widget, { childList: true, subtree: true });
  SwaggerUIBundle({
    url: host.getAttribute("data-openapi"),
    dom_id: "#swagger-ui",
    // deep links put a link inside each operation's button (nested controls, axe)
    deepLinking: false,
    // the token typed into Authorize is not kept in the browser once the page is left
    persistAuthorization: false,
    // Swagger UI's own validator badge calls a service elsewhere: off
    validatorUrl: null,
    // its colours for JSON fall short of WCAG AA contrast on its dark background
    syntaxHighlight: false,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
})();
