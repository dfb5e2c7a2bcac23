/* The light/dark toggle in the header (overrides/partials/palette.html).
   Material's palette component does this job, but on every page load it
   restyles the whole page twice (see that partial); here the palette is
   applied while the header is parsed (partials/javascripts/palette.html)
   and this script only switches it, the way Material does: the same
   attributes on <body>, the choice saved under Material's key and in its
   format ("__palette", so a choice made before this toggle still holds),
   Enter on the toggle, and the browser's theme colour taken from the
   header. */
(function () {
  var form = document.querySelector("[data-palette]");
  if (!form || typeof __md_palette !== "function") return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  var KEYS = ["media", "scheme", "primary", "accent"];

  function labelOf(input) {
    var label = input.nextElementSibling;
    return label && label.tagName === "LABEL" ? label : null;
  }

  // The palette in use is the one whose toggle is showing.
  function current() {
    for (var i = 0; i < inputs.length; i++) {
      var label = labelOf(inputs[i]);
      if (label && !label.hidden) return i;
    }
    return 0;
  }

  function meta(name) {
    var tag = document.querySelector('meta[name="' + name + '"]');
    if (!tag) {
      tag = document.createElement("meta");
      tag.name = name;
      document.head.appendChild(tag);
    }
    return tag;
  }

  // The colour a phone gives its address bar: the header's.
  function setThemeColor() {
    var header = document.querySelector("[data-md-component=header]");
    var rgb = header && getComputedStyle(header).backgroundColor.match(/\d+/g);
    if (!rgb) return;
    meta("theme-color").content = "#" + rgb.slice(0, 3).map(function (value) {
      return ("0" + (+value).toString(16)).slice(-2);
    }).join("");
  }

  // __md_palette (partials/javascripts/palette.html) sets the body's
  // attributes, the toggle shown and the color-scheme tag; the choice is
  // then saved, as Material saves it.
  function apply(index) {
    __md_palette(index);
    var color = {};
    KEYS.forEach(function (key) {
      color[key] = document.body.getAttribute("data-md-color-" + key);
    });
    __md_set("__palette", { index: index, color: color });  // if storage is blocked, the choice lasts for this page
    setThemeColor();
  }

  inputs.forEach(function (input, i) {
    input.addEventListener("change", function () { apply(i) });
  });

  // Enter on the focused toggle switches too, as with Material's.
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    var next = inputs[(current() + 1) % inputs.length];
    next.click();
    next.focus();
  });

  // Once the page has loaded: reading the header's colour any earlier would
  // make the browser style the part of the page parsed so far out of turn.
  window.addEventListener("load", function () { setTimeout(setThemeColor) });
})();
