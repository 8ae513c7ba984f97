export { startO365Mock, type O365Mock } from './mock.js';
export {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_LEGACY_PASSWORD,
  DEFAULT_LEGACY_USER,
  DEFAULT_RESOURCE,
  DEFAULT_TENANT_ID,
  type FaultOptions,
  type LegacyUser,
  type O365MockOptions,
} from './config.js';
export { decodeJwtPayload } from './auth/jwt.js';
export { parseApiTime } from './time-window.js';
