// The side panel's floor: the tab's view, asked once and then as the background tells it, in a div.
const tabId = Number(new URLSearchParams(location.search).get('tab'));
const paint = (view) => {
  document.querySelector('#view')?.remove();
  const div = document.createElement('div');
  div.id = 'view';
  div.textContent = view ? view.subject : 'Nothing to file on this page.';
  document.body.append(div);
};
if (tabId) {
  chrome.runtime.onMessage.addListener((message) => {
    if (message.type === 'view' && message.tabId === tabId) paint(message.view);
  });
  chrome.runtime.sendMessage({ type: 'view.get', tabId }).then((answer) => paint(answer?.data));
}
