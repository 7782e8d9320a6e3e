// The physical floor: keep each tab's latest report and tell the extension's pages, nothing else.
const views = new Map();
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (message.type === 'report' && sender.tab) {
    views.set(sender.tab.id, message.view);
    chrome.runtime.sendMessage({ type: 'view', tabId: sender.tab.id, view: message.view }).catch(() => {});
    reply({ ok: true, data: null });
  } else if (message.type === 'view.get') reply({ ok: true, data: views.get(message.tabId) ?? null });
  else if (message.type === 'get') chrome.storage.local.get(message.key).then((found) => reply({ ok: true, data: found[message.key] ?? null }));
  else if (message.type === 'set') chrome.storage.local.set({ [message.key]: message.value }).then(() => reply({ ok: true, data: null }));
  else return false;
  return true;
});
