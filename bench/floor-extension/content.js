// On a Gmail thread: ask the background for one stored value and paint it in a div. Off a
// thread: remove the div. The same hash-change trigger the real sidebar follows.
const TAG = 'highcard-floor';
function update() {
  document.querySelector(TAG)?.remove();
  if (!/^#inbox\/.+/.test(location.hash)) return;
  chrome.runtime.sendMessage({ type: 'get', key: 'context' }).then((answer) => {
    const host = document.createElement(TAG);
    const div = document.createElement('div');
    div.textContent = `Account: ${answer?.data?.name ?? 'none'}`;
    host.append(div);
    document.body.append(host);
  });
}
addEventListener('hashchange', update);
update();
