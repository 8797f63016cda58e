// Suggestions as you type for <input data-suggest="URL">, following the ARIA combobox pattern
// (a list popup with aria-activedescendant). Without this script the input is a plain search
// box that submits its form; with it, titles matching what has been typed appear below it:
// Down and Up move through them, Enter opens the chosen page, Escape closes the list.
"use strict";

(function () {
  const DELAY = 150;

  function setup(input) {
    const form = input.form;
    const list = document.createElement("ul");
    list.id = input.id + "-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.dataset.suggestLabel || "");
    list.hidden = true;
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.append(list, status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("autocomplete", "off");

    let items = [];
    let active = -1;
    let timer = 0;
    let latest = 0;

    function close() {
      // A request still on its way must not open the list again.
      window.clearTimeout(timer);
      latest += 1;
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(index) {
      const options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(suggestions) {
      items = suggestions;
      list.replaceChildren();
      suggestions.forEach(function (item, i) {
        const option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        const title = document.createElement("span");
        title.textContent = item.title;
        const label = document.createElement("span");
        label.className = "suggestion-type";
        label.textContent = item.label;
        option.append(title, " ", label);
        // mousedown, not click: the input keeps its focus, so the list is still there.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.assign(item.url);
        });
        list.append(option);
      });
      choose(-1);
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = (input.dataset.suggestCount || "").replace("%(n)s", suggestions.length);
      } else {
        close();
        status.textContent = input.value.trim() ? input.dataset.suggestNone || "" : "";
      }
    }

    function load() {
      const query = input.value.trim();
      const request = ++latest;
      if (!query) {
        show([]);
        return;
      }
      fetch(input.dataset.suggest + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          // An answer to an older query that arrived late is dropped.
          if (request === latest) {
            show(data.suggestions || []);
          }
        })
        .catch(function () {
          close();
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(load, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      const open = !list.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open && items.length) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        if (items.length) {
          choose((active + 1) % items.length);
        }
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        choose(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && open && active >= 0) {
        // Enter on a chosen suggestion opens it; otherwise the form is submitted as usual.
        event.preventDefault();
        window.location.assign(items[active].url);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", close);
  }

  document.querySelectorAll("input[data-suggest]").forEach(setup);
})();
