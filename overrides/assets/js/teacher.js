/* Teacher mode: a header button (and the "t" key) that shows or hides the
   model answers and teacher notes. The state is one attribute on <html>,
   saved in the site's storage (assets/js/storage.js) so it persists across
   pages, reloads and instant navigation; main.html applies it before the
   first paint and puts the button into Material's header.

   The "t" key can be turned off on a device, for whom a single key is a
   trap (speech input, a student at the keyboard): "?shortcut=0" in the
   address turns it off, "?shortcut=1" on again, and the device remembers. */
(function () {
  var KEY = "__teacher", SHORTCUT = "__teacher-shortcut";
  // The student edition has no toggle, and no teacher mode.
  if (!document.querySelector(".teacher-toggle")) return;

  var wanted = new URLSearchParams(location.search).get("shortcut");
  if (wanted === "0" || wanted === "1") siteStorage.set(SHORTCUT, wanted === "1");

  function isOn() {
    return document.documentElement.hasAttribute("data-teacher");
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
    siteStorage.set(KEY, on);  // when storage is blocked, the mode lasts for the visit
    apply(on);
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".teacher-toggle")) toggle();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "t" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (siteStorage.get(SHORTCUT) === false) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    toggle();
  });

  // Re-apply on every page Material shows, including instant navigation.
  document$.subscribe(function () {
    apply(isOn());
  });
})();
