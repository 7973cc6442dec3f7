// wagtail-autocomplete's choosers draw two English strings of their own: "Nothing selected."
// and the screen reader's "Remove" on each chosen item. This puts the admin's translations,
// given on this script's tag, in their place whenever a chooser draws them.
(function () {
  var given = document.currentScript.dataset;
  var translations = { "Nothing selected.": given.nothingSelected, Remove: given.remove };

  function translate() {
    document
      .querySelectorAll('[data-controller~="autocomplete-controller"] span')
      .forEach(function (span) {
        var text = span.firstChild;
        // The text node itself, not textContent: React keeps the node and redraws it only
        // when its own string changes.
        if (span.childNodes.length === 1 && text.nodeType === Node.TEXT_NODE
            && translations[text.data]) {
          text.data = translations[text.data];
        }
      });
  }

  new MutationObserver(translate).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
  translate();
})();
