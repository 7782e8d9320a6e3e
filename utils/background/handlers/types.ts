// What a handler is, apart from the dispatcher that calls it: topic files import this, and
// dispatch.ts imports the topic files, so nothing imports back up.
import type { Browser } from 'wxt/browser';
import type { Answer, MessageType, ParsedPayload } from '../../messages';

export type Sender = Browser.runtime.MessageSender;
export type Handler<K extends MessageType> = (payload: ParsedPayload<K>, sender?: Sender) => Promise<Answer<K>>;
/** A topic file's map: `export const xHandlers = { ... } satisfies TopicHandlers;` */
export type TopicHandlers = { [K in MessageType]?: Handler<K> };
/** Every message with its handler. */
export type Handlers = { [K in MessageType]: Handler<K> };
