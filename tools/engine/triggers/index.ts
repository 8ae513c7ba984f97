import { apiConnectionTrigger, apiConnectionWebhookTrigger, openApiConnectionNotificationTrigger, openApiConnectionTrigger, openApiConnectionWebhookTrigger } from './connector-trigger.js';
import { recurrence } from './recurrence-trigger.js';
import { request } from './request.js';
import type { TriggerType } from './trigger-type.js';

const ALL: readonly TriggerType[] = [recurrence, request, openApiConnectionTrigger, openApiConnectionWebhookTrigger, openApiConnectionNotificationTrigger, apiConnectionTrigger, apiConnectionWebhookTrigger];

/** Trigger types by lower-cased `type`. The PowerApps trigger is `Request` with kind PowerApp/PowerAppV2. */
export const triggerTypes: ReadonlyMap<string, TriggerType> = new Map(ALL.map((t) => [t.type.toLowerCase(), t]));
