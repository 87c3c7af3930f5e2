// Sorts the targets table when a header is clicked; #sort=<column key> in the URL picks the first
// order (e.g. report.html#sort=expiry), so a link can open the report already sorted.
// Sets data-script="ok" on <html> once it ran, and data-script-error if anything threw, so a test
// in a headless browser can tell that the page works.
(function () {
  'use strict';
  var root = document.documentElement;
  window.addEventListener('error', function (event) {
    root.setAttribute('data-script-error', String(event.message));
  });

  var table = document.getElementById('targets');
  var body = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);

  function value(row, index, numeric) {
    var cell = row.cells[index];
    var text = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
    return numeric ? Number(text) : text.toLowerCase();
  }

  function sort(index, direction) {
    var numeric = headers[index].getAttribute('data-type') === 'number';
    var rows = Array.prototype.slice.call(body.rows).map(function (row, position) {
      return { row: row, key: value(row, index, numeric), position: position };
    });
    rows.sort(function (a, b) {
      if (a.key < b.key) { return -direction; }
      if (a.key > b.key) { return direction; }
      return a.position - b.position;
    });
    rows.forEach(function (entry) { body.appendChild(entry.row); });
    headers.forEach(function (header, i) {
      if (i === index) {
        header.setAttribute('aria-sort', direction > 0 ? 'ascending' : 'descending');
      } else {
        header.removeAttribute('aria-sort');
      }
    });
  }

  headers.forEach(function (header, index) {
    header.addEventListener('click', function () {
      sort(index, header.getAttribute('aria-sort') === 'ascending' ? -1 : 1);
    });
  });

  var wanted = /^#sort=([a-z]+)$/.exec(window.location.hash);
  if (wanted) {
    headers.forEach(function (header, index) {
      if (header.getAttribute('data-key') === wanted[1]) {
        sort(index, 1);
      }
    });
  }
  root.setAttribute('data-script', 'ok');
}());
