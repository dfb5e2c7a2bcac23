/* Material's search box is a dialog without an accessible name: screen
   readers announce an unnamed dialog. It is named after its own field. */
(function () {
  var dialog = document.querySelector(".md-search[role=dialog]:not([aria-label])");
  var field = document.querySelector(".md-search__input");
  if (dialog && field) dialog.setAttribute("aria-label", field.getAttribute("aria-label") || siteText("search.label"));
})();
