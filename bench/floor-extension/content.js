// On a Gmail thread: read the subject and tell the background; off a thread: tell it so. The
// same hash-change trigger Highcard's content script follows; it paints nothing in Gmail.
function update() {
  const subject = /^#inbox\/.+/.test(location.hash) ? (document.querySelector('h2.hP')?.textContent ?? null) : null;
  chrome.runtime.sendMessage({ type: 'report', view: subject === null ? null : { subject } });
}
addEventListener('hashchange', update);
update();
