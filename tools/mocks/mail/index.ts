export { startMailSink, type MailSink, type SentMail } from './mail-sink.js';
