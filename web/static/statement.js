// statement.js lets a reader step through the search's matches on a
// statement page from the keyboard: n goes to the next match, p to the one
// before. The page works without it: the match in the address (#m3) shows
// links to its neighbours. It is loaded from our own origin, deferred, since
// the Content-Security-Policy allows no inline script.
(function () {
  'use strict';
  var count = document.querySelectorAll('mark.match').length;
  if (count === 0) {
    return;
  }
  var hint = document.querySelector('.match-keys');
  if (hint) {
    hint.hidden = false;
  }
  // current is the number of the match in the address, 0 for none.
  function current() {
    var m = /^#m(\d+)$/.exec(location.hash);
    return m ? parseInt(m[1], 10) : 0;
  }
  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) {
      return;
    }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) {
      return;
    }
    var n = current();
    var to;
    if (e.key === 'n') {
      to = Math.min(n + 1, count);
    } else if (e.key === 'p') {
      to = n === 0 ? count : Math.max(n - 1, 1);
    } else {
      return;
    }
    e.preventDefault();
    if (to !== n) {
      // Replaced, not pushed: Back still leads to the results in one step.
      location.replace('#m' + to);
    }
  });
}());
