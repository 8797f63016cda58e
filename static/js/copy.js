// Copy buttons for formatted references: <button data-copy-target="ID" hidden> copies the text
// of element ID (as plain text, and as HTML where the browser allows, so italics survive a
// paste into a word processor) and announces the result in the live region named by
// data-copy-status. The buttons are rendered hidden: without this script there is no button
// that does nothing, and the reference is still there to select and copy by hand.
"use strict";

(function () {
  function announce(button, message) {
    const status = document.getElementById(button.dataset.copyStatus);
    if (!status || !message) {
      return;
    }
    // Emptying the region first makes screen readers announce a repeated message again.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function copyBySelection(target) {
    const range = document.createRange();
    range.selectNodeContents(target);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const copied = document.execCommand("copy");
    selection.removeAllRanges();
    if (!copied) {
      throw new Error("The browser refused to copy.");
    }
  }

  async function copy(target) {
    const text = target.textContent.replace(/\s+/g, " ").trim();
    const clipboard = navigator.clipboard;
    if (clipboard && clipboard.write && window.ClipboardItem) {
      try {
        await clipboard.write([
          new ClipboardItem({
            "text/plain": new Blob([text], { type: "text/plain" }),
            "text/html": new Blob([target.innerHTML], { type: "text/html" }),
          }),
        ]);
        return;
      } catch (error) {
        // Some browsers refuse HTML on the clipboard: plain text is enough.
      }
    }
    if (clipboard && clipboard.writeText) {
      try {
        await clipboard.writeText(text);
        return;
      } catch (error) {
        // Not allowed here (an insecure origin, say): fall back to selecting the text.
      }
    }
    copyBySelection(target);
  }

  document.querySelectorAll("button[data-copy-target]").forEach(function (button) {
    const target = document.getElementById(button.dataset.copyTarget);
    if (!target) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(target).then(
        function () {
          announce(button, button.dataset.copied);
        },
        function () {
          announce(button, button.dataset.copyFailed);
        },
      );
    });
  });
})();
