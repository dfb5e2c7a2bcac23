/* Teacher mode: a header button (and the "t" key) that shows or hides the
   model answers and teacher notes. The state is one attribute on <html>,
   saved with Material's own storage helpers so it persists across pages,
   reloads and instant navigation; the inline script in main.html applies it
   before the first paint. */
(function () {
  var KEY = "__teacher";
  // The student edition has no toggle, and no teacher mode.
  if (!document.querySelector(".teacher-toggle")) return;

  function isOn() {
    return document.documentElement.hasAttribute("data-teacher");
  }

  function save(on) {
    try { __md_set(KEY, on) } catch (e) { /* storage blocked: mode lasts for this page */ }
  }

  function apply(on) {
    if (on) document.documentElement.setAttribute("data-teacher", "on");
    else document.documentElement.removeAttribute("data-teacher");
    document.querySelectorAll(".teacher-toggle").forEach(function (button) {
      button.setAttribute("aria-pressed", String(on));
    });
  }

  function toggle() {
    var on = !isOn();
    save(on);
    apply(on);
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".teacher-toggle")) toggle();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "t" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    toggle();
  });

  // Re-apply on every page Material shows, including instant navigation.
  document$.subscribe(function () {
    apply(isOn());
  });
})();
