/* Back office pages as a workspace (the meeting page above all).
 *
 * - The index of sections opens the section it jumps to and keeps its counts
 *   up to date as rows are added or removed.
 * - After a failed save, the error summary takes the focus; its links open
 *   the section of the field and focus the field.
 * - Rows with an order number (sessions, speeches, presentations, stops…)
 *   take the next number when added, and can be moved by dragging their
 *   handle (or with the arrow keys on it); the numbers follow the new order.
 *   The numbers stay ordinary fields: without this script they are typed.
 * - Adding a session or a workshop shows how to choose it for speeches and
 *   recommendations (after "Save and continue editing").
 *
 * Static file, no inline code (Content-Security-Policy); plain DOM.
 */
"use strict";

(function () {
  const ORDER_INPUT = 'input[name$="-order"]';

  function gettextOr(text) {
    return typeof window.gettext === "function" ? window.gettext(text) : text;
  }

  function openAround(element) {
    for (let node = element; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") {
        node.open = true;
      }
    }
    const inner = element.querySelector && element.querySelector("details");
    if (inner) {
      inner.open = true;
    }
  }

  function targetOf(link) {
    const id = decodeURIComponent(link.hash.slice(1));
    return id ? document.getElementById(id) : null;
  }

  // --- index and error summary ------------------------------------------------

  function jump(event) {
    const link = event.target.closest(
      ".sharaka-workspace-index a, .sharaka-error-summary a"
    );
    if (!link) {
      return;
    }
    const target = targetOf(link);
    if (!target) {
      return;
    }
    event.preventDefault();
    openAround(target);
    target.scrollIntoView({ block: "center" });
    const focusable = target.matches("input, select, textarea, button")
      ? target
      : target.querySelector("input:not([type=hidden]), select, textarea");
    if (link.closest(".sharaka-error-summary") && focusable) {
      focusable.focus({ preventScroll: true });
    }
    history.replaceState(null, "", link.hash);
  }

  function rowsOf(group) {
    return Array.from(
      group.querySelectorAll(".inline-related, tr.form-row")
    ).filter(
      (row) =>
        !row.classList.contains("empty-form") &&
        row.id &&
        row.id.startsWith(group.id.replace(/-group$/, "") + "-")
    );
  }

  function updateCount(prefix) {
    const link = document.querySelector(`[data-count-of="${prefix}"] .sharaka-count`);
    const group = document.getElementById(`${prefix}-group`);
    if (link && group) {
      link.textContent = String(rowsOf(group).length);
    }
  }

  // --- ordered rows -----------------------------------------------------------

  function orderInput(row) {
    return row.querySelector(ORDER_INPUT);
  }

  function orderedGroups() {
    return Array.from(document.querySelectorAll(".inline-group")).filter((group) =>
      group.querySelector(`.empty-form ${ORDER_INPUT}, ${ORDER_INPUT}`)
    );
  }

  function renumber(group) {
    let number = 1;
    for (const row of rowsOf(group)) {
      const input = orderInput(row);
      if (input) {
        input.value = String(number);
        number += 1;
      }
    }
  }

  function nextNumber(group, except) {
    let highest = 0;
    for (const row of rowsOf(group)) {
      const input = orderInput(row);
      if (row !== except && input) {
        highest = Math.max(highest, parseInt(input.value, 10) || 0);
      }
    }
    return highest + 1;
  }

  function container(row) {
    return row.parentElement;
  }

  function moveRow(row, before) {
    container(row).insertBefore(row, before);
    renumber(row.closest(".inline-group"));
  }

  function addHandle(row) {
    if (!orderInput(row) || row.querySelector(".sharaka-drag-handle")) {
      return;
    }
    const handle = document.createElement("button");
    handle.type = "button";
    handle.className = "sharaka-drag-handle";
    handle.textContent = "⠿";
    handle.title = gettextOr("Drag to move this row; or use the arrow keys");
    handle.setAttribute("aria-label", handle.title);
    const place =
      row.querySelector("h3") || row.querySelector("td.original") || row.querySelector("td");
    place.insertBefore(handle, place.firstChild);
    handle.addEventListener("pointerdown", startDrag);
    handle.addEventListener("keydown", keyMove);
  }

  function keyMove(event) {
    const row = event.target.closest(".inline-related, tr.form-row");
    const group = row.closest(".inline-group");
    const rows = rowsOf(group);
    const index = rows.indexOf(row);
    if (event.key === "ArrowUp" && index > 0) {
      moveRow(row, rows[index - 1]);
    } else if (event.key === "ArrowDown" && index < rows.length - 1) {
      moveRow(row, rows[index + 1].nextElementSibling);
    } else {
      return;
    }
    event.preventDefault();
    event.target.focus();
  }

  // The moves are followed on the whole document: moving the row in the page
  // would end a pointer capture on its handle.
  let dragging = null;

  function startDrag(event) {
    const row = event.target.closest(".inline-related, tr.form-row");
    dragging = { row, group: row.closest(".inline-group") };
    row.classList.add("sharaka-dragging");
    document.addEventListener("pointermove", drag);
    document.addEventListener("pointerup", endDrag);
    document.addEventListener("pointercancel", endDrag);
    event.preventDefault();
  }

  function drag(event) {
    if (!dragging) {
      return;
    }
    event.preventDefault();
    const rows = rowsOf(dragging.group).filter((row) => row !== dragging.row);
    for (const row of rows) {
      const box = row.getBoundingClientRect();
      if (event.clientY < box.top + box.height / 2) {
        if (row.previousElementSibling !== dragging.row) {
          container(row).insertBefore(dragging.row, row);
        }
        return;
      }
    }
    const last = rows[rows.length - 1];
    if (last && last.nextElementSibling !== dragging.row) {
      container(last).insertBefore(dragging.row, last.nextElementSibling);
    }
  }

  function endDrag() {
    document.removeEventListener("pointermove", drag);
    document.removeEventListener("pointerup", endDrag);
    document.removeEventListener("pointercancel", endDrag);
    if (!dragging) {
      return;
    }
    dragging.row.classList.remove("sharaka-dragging");
    renumber(dragging.group);
    dragging.row.querySelector(".sharaka-drag-handle").focus({ preventScroll: true });
    dragging = null;
  }

  // Django re-numbers the form prefixes in page order when a new row is
  // removed: saved rows must come first then, as they did when the page was
  // made. The rows are put back in their dragged order right after.
  function keepSavedRowsFirst(prefix) {
    const group = document.getElementById(`${prefix}-group`);
    if (!group) {
      return;
    }
    const rows = rowsOf(group);
    const saved = rows.filter((row) => row.classList.contains("has_original"));
    const fresh = rows.filter((row) => !row.classList.contains("has_original"));
    if (!rows.length) {
      return;
    }
    const anchor = rows[rows.length - 1].nextElementSibling;
    for (const row of [...saved, ...fresh]) {
      container(row).insertBefore(row, anchor);
    }
    window.setTimeout(() => {
      for (const row of rows) {
        if (row.isConnected) {
          container(row).insertBefore(row, anchor);
        }
      }
    }, 0);
  }

  // --- events -------------------------------------------------------------------

  document.addEventListener("formset:added", (event) => {
    const row = event.target;
    const prefix = event.detail.formsetName;
    const group = row.closest(".inline-group");
    const input = orderInput(row);
    if (input && group) {
      input.value = String(nextNumber(group, row));
      addHandle(row);
    }
    if (prefix === "sessions" || prefix === "workshops") {
      const note = document.getElementById("new-parts-note");
      if (note) {
        note.hidden = false;
      }
    }
    updateCount(prefix);
  });

  document.addEventListener("formset:removed", (event) => {
    keepSavedRowsFirst(event.detail.formsetName);
    window.setTimeout(() => updateCount(event.detail.formsetName), 0);
  });

  function ready() {
    document.addEventListener("click", jump);
    for (const group of orderedGroups()) {
      group.classList.add("sharaka-ordered");
      for (const row of rowsOf(group)) {
        addHandle(row);
      }
    }
    const summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
