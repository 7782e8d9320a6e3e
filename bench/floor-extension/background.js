// The physical floor: one storage call per message, nothing else.
chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (message.type === 'get') chrome.storage.local.get(message.key).then((found) => reply({ ok: true, data: found[message.key] ?? null }));
  else if (message.type === 'set') chrome.storage.local.set({ [message.key]: message.value }).then(() => reply({ ok: true, data: null }));
  else return false;
  return true;
});
