// nafuda serve — the staff table for a roster of any size: only the rows in view (and a few around them) are in
// the page; the rest are two spacer rows of the right height. Every row has the same height (its texts stay on
// their lines), so the scroll bar and the keyboard reach any row at once.

const OVERSCAN = 8;

export class VirtualTable {
  /**
   * @param {object} options
   * @param {HTMLElement} options.wrap the scrolling box
   * @param {HTMLTableElement} options.table
   * @param {HTMLTableSectionElement} options.body
   * @param {(row: object, index: number) => HTMLTableRowElement} options.renderRow
   * @param {number} options.columns
   */
  constructor({ wrap, table, body, renderRow, columns }) {
    Object.assign(this, { wrap, table, body, renderRow, columns });
    this.rows = [];
    this.index = new Map();
    this.rowHeight = 0;
    this.first = 0;
    this.last = -1;
    this.frame = 0;
    wrap.addEventListener("scroll", () => {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.render();
      });
    });
    new ResizeObserver(() => this.render()).observe(wrap);
  }

  /** The rows to show, in order (the table's filter and search already applied). */
  setRows(rows) {
    this.rows = rows;
    this.index = new Map(rows.map((row, i) => [row.row, i]));
    this.table.setAttribute("aria-rowcount", String(rows.length + 1));
    if (this.wrap.scrollTop > rows.length * (this.rowHeight || 40)) this.wrap.scrollTop = 0;
    this.render(true);
  }

  indexOf(rowNumber) {
    return this.index.get(rowNumber) ?? -1;
  }

  at(index) {
    return this.rows[index];
  }

  get length() {
    return this.rows.length;
  }

  headerHeight() {
    return this.table.tHead ? this.table.tHead.offsetHeight : 0;
  }

  spacer(height) {
    const td = document.createElement("td");
    td.colSpan = this.columns;
    td.style.height = `${height}px`;
    td.className = "spacer";
    const tr = document.createElement("tr");
    tr.setAttribute("aria-hidden", "true");
    tr.className = "spacer";
    tr.append(td);
    return tr;
  }

  /** Draws the rows in view. `force`: even when the same rows are in view (their contents changed). */
  render(force = false) {
    const height = this.rowHeight || this.measure();
    const view = Math.max(1, this.wrap.clientHeight - this.headerHeight());
    const first = Math.max(0, Math.floor(this.wrap.scrollTop / height) - OVERSCAN);
    const last = Math.min(this.rows.length - 1, Math.ceil((this.wrap.scrollTop + view) / height) + OVERSCAN);
    if (!force && first === this.first && last === this.last) return;
    const focused = document.activeElement && this.body.contains(document.activeElement) ? document.activeElement.closest("tr")?.dataset.row : null;
    const nodes = [this.spacer(first * height)];
    for (let i = first; i <= last; i++) {
      const tr = this.renderRow(this.rows[i], i);
      tr.setAttribute("aria-rowindex", String(i + 2));
      nodes.push(tr);
    }
    nodes.push(this.spacer(Math.max(0, (this.rows.length - 1 - last) * height)));
    this.body.replaceChildren(...nodes);
    this.first = first;
    this.last = last;
    if (focused) this.body.querySelector(`tr[data-row="${focused}"]`)?.focus({ preventScroll: true });
    // The real height of a row (it grows with the larger-text setting): draw again if it is not the one assumed.
    const measured = this.measure();
    if (measured && Math.abs(measured - height) > 0.5) {
      this.rowHeight = measured;
      this.render(true);
    }
  }

  measure() {
    const tr = this.body.querySelector("tr:not(.spacer)");
    if (tr) return tr.getBoundingClientRect().height;
    return this.rowHeight || 48;
  }

  /** Draws one row again, if it is in view. */
  update(rowNumber) {
    const i = this.indexOf(rowNumber);
    const old = this.body.querySelector(`tr[data-row="${rowNumber}"]`);
    if (i < 0 || !old) return;
    const fresh = this.renderRow(this.rows[i], i);
    fresh.setAttribute("aria-rowindex", String(i + 2));
    const hadFocus = document.activeElement === old;
    old.replaceWith(fresh);
    if (hadFocus) fresh.focus({ preventScroll: true });
  }

  /** Scrolls the table (not the page) so that the row is in view below the header, and draws it. */
  reveal(rowNumber) {
    const i = this.indexOf(rowNumber);
    if (i < 0) return null;
    const height = this.rowHeight || this.measure();
    const view = this.wrap.clientHeight - this.headerHeight();
    const top = i * height;
    if (top < this.wrap.scrollTop) this.wrap.scrollTop = top;
    else if (top + height > this.wrap.scrollTop + view) this.wrap.scrollTop = top + height - view;
    this.render();
    return this.body.querySelector(`tr[data-row="${rowNumber}"]`);
  }

  rowElement(rowNumber) {
    return this.body.querySelector(`tr[data-row="${rowNumber}"]`);
  }

  /** The row elements in the page now (a few dozen, whatever the roster's size). */
  renderedRows() {
    return [...this.body.querySelectorAll("tr:not(.spacer)")];
  }
}
