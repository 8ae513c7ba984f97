export { startHttpServer, MAX_URL_LENGTH, MAX_HEADER_BYTES, type RequestHandler, type RunningServer, type StartServerOptions } from './server.js';
export { sendJson, sendText, readBody, parseRequestUrl, parseForm, BodyTooLargeError, type ParsedUrl, type Headers } from './messages.js';
export { untilStopSignal, listenError } from './lifecycle.js';
