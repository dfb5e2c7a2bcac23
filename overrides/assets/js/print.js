/* Printing. The "Print this page" button; and, for the answer key on paper:
   each model answer must fit the writing space of its question, whose height
   is fixed so that the answer key breaks pages where the worksheet does. CSS cannot shrink text to fit a box, so before printing
   this steps the answer's font size down until it fits (never below 7pt). */
(function () {
  var SIZES = [9, 8.5, 8, 7.5, 7];

  function fitAnswers() {
    document.querySelectorAll(".answer-space details.model-answer").forEach(function (answer) {
      // Opened here too: the answer key must not depend on Material opening
      // collapsed blocks before printing.
      answer.open = true;
      for (var i = 0; i < SIZES.length; i++) {
        answer.style.setProperty("--answer-size", SIZES[i] + "pt");
        if (answer.scrollHeight <= answer.clientHeight + 1) break;
      }
    });
  }

  window.addEventListener("beforeprint", fitAnswers);
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".print-button")) window.print();
  });
  window.matchMedia("print").addEventListener("change", function (event) {
    if (event.matches) fitAnswers();
  });
})();
